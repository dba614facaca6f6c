package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The requester withdrew the request. */
public record RequestWithdrawn(UUID requestId, String actor) implements RequestEvent {
}
