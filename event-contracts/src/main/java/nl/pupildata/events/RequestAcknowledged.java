package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/**
 * The school confirmed receipt and said when to expect the dossier (PA-3); {@code otherGuardiansMentioned}: the
 * requester was told that the other guardian(s) with authority will be informed and offered the same dossier
 * (guardians living apart, seed 3a).
 */
public record RequestAcknowledged(UUID requestId, String actor, LocalDate expectedOn, boolean otherGuardiansMentioned)
        implements RequestEvent {

    public RequestAcknowledged(UUID requestId, String actor, LocalDate expectedOn) {
        this(requestId, actor, expectedOn, false);
    }
}
