package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The guardian confirmed receipt of the dossier (PA-8). */
public record DeliveryConfirmed(UUID requestId, String actor) implements RequestEvent {
}
