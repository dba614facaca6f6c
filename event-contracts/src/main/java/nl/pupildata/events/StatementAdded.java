package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The guardians' own statement was added to the dossier (PA-11). */
public record StatementAdded(UUID requestId, String actor) implements RequestEvent {
}
