package nl.pupildata.request.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.*;
import nl.pupildata.events.model.Complexity;
import nl.pupildata.events.model.GuardianRef;
import nl.pupildata.events.model.RequestKind;

/** A request as its own events describe it. Built by {@link #evolve}; never changed in place. */
public record RequestState(
        UUID id,
        RequestKind kind,
        String schoolBrin,
        Complexity complexity,
        List<GuardianRef> guardians,
        boolean guardiansLivingApart,
        String requesterGuardianId,
        RequestStatus status,
        boolean acknowledged,
        boolean reviewed,
        int sharesCount,
        LocalDate closedOn) {

    public static final RequestState NONE = new RequestState(null, null, null, null, List.of(), false, null, null,
            false, false, 0, null);

    public boolean exists() {
        return id != null;
    }

    public static RequestState replay(List<? extends PupilDataEvent> history) {
        RequestState state = NONE;
        for (PupilDataEvent e : history) {
            state = state.evolve(e);
        }
        return state;
    }

    public RequestState evolve(PupilDataEvent event) {
        return switch (event) {
            case RequestReceived r -> new RequestState(r.requestId(), r.kind(), r.schoolBrin(), r.complexity(),
                    r.guardians(), r.guardiansLivingApart(), r.requesterGuardianId(), RequestStatus.RECEIVED, false,
                    false, 0, null);
            case RequestAcknowledged a -> withStatus(inProgress(), true, reviewed, sharesCount, closedOn);
            case DossierReviewed d -> withStatus(inProgress(), acknowledged, true, sharesCount, closedOn);
            case InformationShared s -> withStatus(RequestStatus.ANSWERED, acknowledged, reviewed, sharesCount + 1,
                    closedOn);
            case RequestRefused r -> withStatus(RequestStatus.REFUSED, acknowledged, reviewed, sharesCount, closedOn);
            case RequestWithdrawn w -> withStatus(RequestStatus.WITHDRAWN, acknowledged, reviewed, sharesCount,
                    closedOn);
            case RequestClosed c -> withStatus(RequestStatus.CLOSED, acknowledged, reviewed, sharesCount, c.closedOn());
            default -> status == RequestStatus.RECEIVED ? withStatus(RequestStatus.IN_PROGRESS, acknowledged,
                    reviewed, sharesCount, closedOn) : this;
        };
    }

    private RequestStatus inProgress() {
        return status == RequestStatus.RECEIVED ? RequestStatus.IN_PROGRESS : status;
    }

    private RequestState withStatus(RequestStatus s, boolean ack, boolean rev, int shares, LocalDate closed) {
        return new RequestState(id, kind, schoolBrin, complexity, guardians, guardiansLivingApart, requesterGuardianId,
                s, ack, rev, shares, closed);
    }
}
