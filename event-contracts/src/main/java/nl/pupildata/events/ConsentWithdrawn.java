package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** A guardian withdrew consent (G-5). */
public record ConsentWithdrawn(UUID requestId, String actor, String guardianId) implements ConsentEvent {
}
