package nl.pupildata.events;

import nl.pupildata.events.sealing.Sealed;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** A request for pupil data was registered. References only: no names, e-mail addresses or dates of birth. */
public record RequestReceived(UUID requestId, String actor,
        String schoolBrin,
        RequestKind kind,
        LocalDate receivedOn,
        ReceivedVia receivedVia,
        @Sealed String pupilRef,
        Integer pupilGroup,
        boolean pupilHasDoorstroomtoets,
        List<GuardianRef> guardians,
        boolean guardiansLivingApart,
        RequesterCategory requesterCategory,
        @Sealed String requesterGuardianId,
        AccessMode accessMode,
        @Sealed ThirdPartyTopic topic,
        Complexity complexity,
        String receivingSchoolBrin,
        Boolean warmHandover) implements RequestEvent {
}
