package nl.pupildata.events;

import nl.pupildata.events.sealing.Sealed;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** Consent may be skipped on a ground (G-9, OSO-4), after the quality officer was consulted. */
public record ConsentExemptionGranted(UUID requestId, String actor, ExemptionGround ground, boolean qualityOfficerConsulted, @Sealed String reason) implements ConsentEvent {
}
