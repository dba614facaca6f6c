package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** A guardian refused consent. */
public record ConsentRefused(UUID requestId, String actor, String guardianId) implements ConsentEvent {
}
