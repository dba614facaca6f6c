package nl.pupildata.events;

import nl.pupildata.events.sealing.SealedEach;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** Who must consent for this request (G-4), derived from RequestReceived. */
public record ConsentRequirementDetermined(UUID requestId, String actor, ConsentRequirement requirement, @SealedEach List<String> requiredFrom) implements ConsentEvent {
}
