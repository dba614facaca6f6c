package nl.pupildata.events;

import nl.pupildata.events.sealing.Sealed;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** Consent was asked of a guardian, saying what kind of information will be given (G-10). */
public record ConsentRequested(UUID requestId, String actor, @Sealed String guardianId, @Sealed String informationDescription,
        @JsonInclude(JsonInclude.Include.NON_NULL) ConsentPurpose purpose) implements ConsentEvent {

    /** About the request's own consent. */
    public ConsentRequested(UUID requestId, String actor, String guardianId, String informationDescription) {
        this(requestId, actor, guardianId, informationDescription, null);
    }
}
