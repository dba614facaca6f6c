package nl.pupildata.events;

import java.time.LocalDate;
import java.util.UUID;

/** SWV-3: the guardians were sent an access copy (inzage) of the support file. */
public record AccessCopySent(UUID requestId, String actor, LocalDate sentOn) implements RequestEvent {
}
