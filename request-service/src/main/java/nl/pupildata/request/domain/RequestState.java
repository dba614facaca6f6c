package nl.pupildata.request.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.pupildata.events.*;
import nl.pupildata.events.model.*;

/** A request as its own events describe it. Built by {@link #evolve}; never changed in place. */
public record RequestState(
        RequestReceived received,
        RequestStatus status,
        boolean acknowledged,
        DossierReviewed review,
        String answerDraftedBy,
        String answerReviewedBy,
        LocalDate guardiansInformedOn,
        GuardianInspectionHeld inspection,
        List<InformationShared> shares,
        boolean deliveryConfirmed,
        Set<String> notifiedGuardians,
        ResearchDecided researchDecision,
        RequestRefused refusal) {

    public static final RequestState NONE = new RequestState(null, null, false, null, null, null, null, null,
            List.of(), false, Set.of(), null, null);

    public boolean exists() {
        return received != null;
    }

    public UUID id() {
        return received.requestId();
    }

    public RequestKind kind() {
        return received.kind();
    }

    public String schoolBrin() {
        return received.schoolBrin();
    }

    public Complexity complexity() {
        return received.complexity();
    }

    public boolean isComplex() {
        return received.complexity() == Complexity.COMPLEX;
    }

    public boolean isTransfer() {
        return kind() == RequestKind.SCHOOL_TRANSFER || kind() == RequestKind.SECONDARY_TRANSFER;
    }

    /** PA-7: reviewed, with other pupils' data made unreadable and the home situation checked. */
    public boolean reviewed() {
        return review != null;
    }

    public boolean answered() {
        return !shares.isEmpty() || refusal != null;
    }

    /** PA-9: the other guardians with authority who must be told the dossier was given. */
    public Set<String> otherGuardiansToNotify() {
        if (!received.guardiansLivingApart()) {
            return Set.of();
        }
        Set<String> others = new HashSet<>();
        for (GuardianRef g : received.guardians()) {
            if (g.hasAuthority() && !g.id().equals(received.requesterGuardianId())) {
                others.add(g.id());
            }
        }
        others.removeAll(notifiedGuardians);
        return others;
    }

    public static RequestState replay(List<? extends PupilDataEvent> history) {
        RequestState state = NONE;
        for (PupilDataEvent e : history) {
            state = state.evolve(e);
        }
        return state;
    }

    public RequestState evolve(PupilDataEvent event) {
        RequestStatus progressed = status == RequestStatus.RECEIVED ? RequestStatus.IN_PROGRESS : status;
        return switch (event) {
            case RequestReceived r -> new RequestState(r, RequestStatus.RECEIVED, false, null, null, null, null, null,
                    List.of(), false, Set.of(), null, null);
            case RequestAcknowledged a -> new RequestState(received, progressed, true, review, answerDraftedBy,
                    answerReviewedBy, guardiansInformedOn, inspection, shares, deliveryConfirmed, notifiedGuardians,
                    researchDecision, refusal);
            case DossierReviewed d -> new RequestState(received, progressed, acknowledged, d, answerDraftedBy,
                    answerReviewedBy, guardiansInformedOn, inspection, shares, deliveryConfirmed, notifiedGuardians,
                    researchDecision, refusal);
            case AnswerDrafted d -> new RequestState(received, progressed, acknowledged, review, d.actor(), null,
                    guardiansInformedOn, inspection, shares, deliveryConfirmed, notifiedGuardians, researchDecision,
                    refusal);
            case AnswerReviewed r -> new RequestState(received, progressed, acknowledged, review, answerDraftedBy,
                    r.actor(), guardiansInformedOn, inspection, shares, deliveryConfirmed, notifiedGuardians,
                    researchDecision, refusal);
            case GuardiansInformed g -> new RequestState(received, progressed, acknowledged, review, answerDraftedBy,
                    answerReviewedBy, g.on(), inspection, shares, deliveryConfirmed, notifiedGuardians,
                    researchDecision, refusal);
            case GuardianInspectionHeld i -> new RequestState(received, progressed, acknowledged, review,
                    answerDraftedBy, answerReviewedBy, guardiansInformedOn, i, shares, deliveryConfirmed,
                    notifiedGuardians, researchDecision, refusal);
            case InformationShared s -> new RequestState(received, RequestStatus.ANSWERED, acknowledged, review,
                    answerDraftedBy, answerReviewedBy, guardiansInformedOn, inspection, append(shares, s),
                    deliveryConfirmed, notifiedGuardians, researchDecision, refusal);
            case DeliveryConfirmed d -> new RequestState(received, status, acknowledged, review, answerDraftedBy,
                    answerReviewedBy, guardiansInformedOn, inspection, shares, true, notifiedGuardians,
                    researchDecision, refusal);
            case OtherGuardianNotified n -> new RequestState(received, status, acknowledged, review, answerDraftedBy,
                    answerReviewedBy, guardiansInformedOn, inspection, shares, deliveryConfirmed,
                    add(notifiedGuardians, n.guardianId()), researchDecision, refusal);
            case ResearchDecided r -> new RequestState(received, progressed, acknowledged, review, answerDraftedBy,
                    answerReviewedBy, guardiansInformedOn, inspection, shares, deliveryConfirmed, notifiedGuardians, r,
                    refusal);
            case RequestRefused r -> new RequestState(received, r.partial() ? progressed : RequestStatus.REFUSED,
                    acknowledged, review, answerDraftedBy, answerReviewedBy, guardiansInformedOn, inspection, shares,
                    deliveryConfirmed, notifiedGuardians, researchDecision, r);
            case RequestWithdrawn w -> withStatus(RequestStatus.WITHDRAWN);
            case RequestClosed c -> withStatus(RequestStatus.CLOSED);
            default -> withStatus(progressed);
        };
    }

    private RequestState withStatus(RequestStatus s) {
        return new RequestState(received, s, acknowledged, review, answerDraftedBy, answerReviewedBy,
                guardiansInformedOn, inspection, shares, deliveryConfirmed, notifiedGuardians, researchDecision,
                refusal);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new java.util.ArrayList<>(list);
        copy.add(item);
        return List.copyOf(copy);
    }

    private static Set<String> add(Set<String> set, String item) {
        Set<String> copy = new HashSet<>(set);
        copy.add(item);
        return Set.copyOf(copy);
    }
}
