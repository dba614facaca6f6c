package nl.pupildata.events;

import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.GuardianRef;

/**
 * G-4 / G-5: the guardians of a request, their authority or whether they live apart were corrected after intake by
 * the director or KC. References only (names and addresses stay in request-service); consent-service determines
 * the consent requirement again from it.
 */
public record GuardiansCorrected(UUID requestId, String actor, List<GuardianRef> guardians,
        boolean guardiansLivingApart) implements RequestEvent {
}
