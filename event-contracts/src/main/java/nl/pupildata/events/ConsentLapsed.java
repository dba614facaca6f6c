package nl.pupildata.events;

import nl.pupildata.events.sealing.Sealed;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The consent requirement is no longer met (G-5: a withdrawal). */
public record ConsentLapsed(UUID requestId, String actor, @Sealed String guardianId,
        @JsonInclude(JsonInclude.Include.NON_NULL) ConsentPurpose purpose) implements ConsentEvent {

    /** About the request's own consent. */
    public ConsentLapsed(UUID requestId, String actor, String guardianId) {
        this(requestId, actor, guardianId, null);
    }
}
