package nl.pupildata.events;

import nl.pupildata.events.sealing.Sealed;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The other guardian with authority was told the dossier was given and offered the same (PA-9). */
public record OtherGuardianNotified(UUID requestId, String actor, @Sealed String guardianId) implements RequestEvent {
}
