package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The request was closed. */
public record RequestClosed(UUID requestId, String actor, LocalDate closedOn) implements RequestEvent {
}
