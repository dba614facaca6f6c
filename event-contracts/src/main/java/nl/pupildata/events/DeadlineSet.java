package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The statutory term was set from the receipt date (PA-4). */
public record DeadlineSet(UUID requestId, String actor, String schoolBrin, LocalDate receivedOn, LocalDate dueOn) implements DeadlineEvent {
}
