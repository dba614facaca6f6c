package nl.pupildata.events;

import java.util.UUID;
import nl.pupildata.events.model.CorrectionOutcome;

/**
 * PA-11: the director or KC decided on a guardian's correction request (made, partly, refused). The request's text
 * and the reason stay in request-service.
 */
public record CorrectionDecided(UUID requestId, String actor, CorrectionOutcome outcome) implements RequestEvent {
}
