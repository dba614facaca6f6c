package nl.pupildata.events;

import nl.pupildata.events.sealing.Sealed;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The request was refused, fully or in part, after the required consultations (PA-12, G-11). */
public record RequestRefused(UUID requestId, String actor, boolean partial, @Sealed String reason, List<Consultation> consulted) implements RequestEvent {
}
