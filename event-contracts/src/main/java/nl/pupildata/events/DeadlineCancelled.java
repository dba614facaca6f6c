package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The request was withdrawn; the term no longer runs. */
public record DeadlineCancelled(UUID requestId, String actor) implements DeadlineEvent {
}
