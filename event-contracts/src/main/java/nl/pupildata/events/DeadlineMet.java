package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The request was answered. */
public record DeadlineMet(UUID requestId, String actor, LocalDate metOn, LocalDate dueOn, boolean withinTerm) implements DeadlineEvent {
}
