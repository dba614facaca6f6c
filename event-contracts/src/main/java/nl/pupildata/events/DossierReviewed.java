package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The dossier was reviewed before release (PA-7). */
public record DossierReviewed(UUID requestId, String actor, boolean otherPupilsPseudonymised, boolean homeSituationChecked) implements RequestEvent {
}
