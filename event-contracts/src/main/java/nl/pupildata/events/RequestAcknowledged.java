package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The school confirmed receipt and said when to expect the dossier (PA-3). */
public record RequestAcknowledged(UUID requestId, String actor, LocalDate expectedOn) implements RequestEvent {
}
