package nl.pupildata.events;

import nl.pupildata.events.sealing.Sealed;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** A guardian withdrew consent (G-5). */
public record ConsentWithdrawn(UUID requestId, String actor, @Sealed String guardianId,
        @JsonInclude(JsonInclude.Include.NON_NULL) ConsentPurpose purpose) implements ConsentEvent {

    /** About the request's own consent. */
    public ConsentWithdrawn(UUID requestId, String actor, String guardianId) {
        this(requestId, actor, guardianId, null);
    }
}
