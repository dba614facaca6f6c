package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The term ended without an answer (PA-4). */
public record DeadlineMissed(UUID requestId, String actor, LocalDate dueOn) implements DeadlineEvent {
}
