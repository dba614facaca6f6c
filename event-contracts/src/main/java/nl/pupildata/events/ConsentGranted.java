package nl.pupildata.events;

import nl.pupildata.events.sealing.Sealed;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** A guardian consented in writing (G-3). */
public record ConsentGranted(UUID requestId, String actor, @Sealed String guardianId, ConsentEvidence evidence, @Sealed String evidenceRef,
        @JsonInclude(JsonInclude.Include.NON_NULL) ConsentPurpose purpose) implements ConsentEvent {

    /** About the request's own consent. */
    public ConsentGranted(UUID requestId, String actor, String guardianId, ConsentEvidence evidence, String evidenceRef) {
        this(requestId, actor, guardianId, evidence, evidenceRef, null);
    }
}
