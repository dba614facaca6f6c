package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The term ends soon. */
public record DeadlineDueSoon(UUID requestId, String actor, LocalDate dueOn) implements DeadlineEvent {
}
