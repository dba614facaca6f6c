package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The guardians asked to correct or complete the dossier (PA-11). */
public record CorrectionRequested(UUID requestId, String actor) implements RequestEvent {
}
