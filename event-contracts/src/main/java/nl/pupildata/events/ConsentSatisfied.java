package nl.pupildata.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The consent requirement became met (by consent or exemption). */
public record ConsentSatisfied(UUID requestId, String actor, boolean byExemption,
        @JsonInclude(JsonInclude.Include.NON_NULL) ConsentPurpose purpose) implements ConsentEvent {

    /** About the request's own consent. */
    public ConsentSatisfied(UUID requestId, String actor, boolean byExemption) {
        this(requestId, actor, byExemption, null);
    }
}
