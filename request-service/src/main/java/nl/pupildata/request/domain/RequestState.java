package nl.pupildata.request.domain;

import java.time.LocalDate;
import java.util.ArrayList;
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
        DossierReviewed review,
        String answerDraftedBy,
        String answerReviewedBy,
        LocalDate guardiansInformedOn,
        GuardianInspectionHeld inspection,
        List<InformationShared> shares,
        boolean deliveryConfirmed,
        Set<String> notifiedGuardians,
        ResearchDecided researchDecision,
        RequestRefused refusal,
        List<ConsultationLine> consultations,
        boolean warmHandoverRequested,
        int correctionsAsked,
        int correctionsDecided,
        List<LocalDate> accessCopiesSent,
        List<GuardianRef> guardians,
        boolean guardiansLivingApart,
        RequestAcknowledged acknowledgement) {

    public static final RequestState NONE = new RequestState(null, null, null, null, null, null, null,
            List.of(), false, Set.of(), null, null, List.of(), false, 0, 0, List.of(), List.of(), false, null);

    /** PA-3: the receipt was confirmed (with the date promised). */
    public boolean acknowledged() {
        return acknowledgement != null;
    }

    /** VO-1: a warm handover asked for at intake or later, by either school. */
    public boolean warmHandoverAsked() {
        return Boolean.TRUE.equals(received.warmHandover()) || warmHandoverRequested;
    }

    /** PA-11: correction requests not decided yet. */
    public int correctionsOpen() {
        return correctionsAsked - correctionsDecided;
    }

    /** A consultation of an officer on this request: asked by whom, and (once answered) by whom and when. */
    public record ConsultationLine(UUID id, Consultation officer, String askedBy, String answeredBy,
            LocalDate answeredOn) {
        public boolean answered() {
            return answeredBy != null;
        }
    }

    /** Whether an officer of this role answered a consultation on this request (G-9, G-11, PA-12, OSO-4). */
    public boolean answeredBy(Consultation officer) {
        return consultations.stream().anyMatch(c -> c.officer() == officer && c.answered());
    }

    public java.util.Optional<ConsultationLine> consultation(UUID id) {
        return consultations.stream().filter(c -> c.id().equals(id)).findFirst();
    }

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
        Set<String> others = new HashSet<>(otherGuardiansWithAuthority());
        others.removeAll(notifiedGuardians);
        return others;
    }

    /** PA-3, PA-9: guardians living apart, the guardians with authority other than the requester. */
    public Set<String> otherGuardiansWithAuthority() {
        if (!guardiansLivingApart) {
            return Set.of();
        }
        Set<String> others = new HashSet<>();
        for (GuardianRef g : guardians) {
            if (g.hasAuthority() && !g.id().equals(received.requesterGuardianId())) {
                others.add(g.id());
            }
        }
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
        if (!(event instanceof RequestEvent requestEvent)) {
            return this;
        }
        if (requestEvent instanceof RequestReceived r) {
            Change c = NONE.change();
            c.received = r;
            c.status = RequestStatus.RECEIVED;
            c.guardians = r.guardians();
            c.guardiansLivingApart = r.guardiansLivingApart();
            return c.done();
        }
        Change c = change();
        c.status = RequestStatus.after(status, requestEvent);
        switch (requestEvent) {
            case RequestAcknowledged a -> c.acknowledgement = a;
            case DossierReviewed d -> c.review = d;
            case AnswerDrafted d -> {
                c.answerDraftedBy = d.actor();
                // G-8 order: a new draft needs a new review, and the guardians must see the new answer
                c.answerReviewedBy = null;
                c.guardiansInformedOn = null;
            }
            case AnswerReviewed r -> c.answerReviewedBy = r.actor();
            case GuardiansInformed g -> c.guardiansInformedOn = g.on();
            case GuardianInspectionHeld i -> c.inspection = i;
            case InformationShared s -> c.shares.add(s);
            case DeliveryConfirmed d -> c.deliveryConfirmed = true;
            case OtherGuardianNotified n -> c.notifiedGuardians.add(n.guardianId());
            case ResearchDecided r -> c.researchDecision = r;
            case RequestRefused r -> c.refusal = r;
            case ConsultationRequested q -> c.consultations.add(new ConsultationLine(q.consultationId(), q.officer(),
                    q.actor(), null, null));
            case WarmHandoverRequested w -> c.warmHandoverRequested = true;
            case CorrectionRequested r -> c.correctionsAsked++;
            case CorrectionDecided d -> c.correctionsDecided++;
            case AccessCopySent a -> c.accessCopiesSent.add(a.sentOn());
            case GuardiansCorrected g -> {
                c.guardians = g.guardians();
                c.guardiansLivingApart = g.guardiansLivingApart();
            }
            case ConsultationAnswered a -> c.consultations.replaceAll(line -> line.id().equals(a.consultationId())
                    ? new ConsultationLine(line.id(), line.officer(), line.askedBy(), a.actor(), a.answeredOn())
                    : line);
            default -> {
                // the status change is all
            }
        }
        return c.done();
    }

    private Change change() {
        return new Change(this);
    }

    /** A copy being changed by one event: the one place that lists every field. */
    private static final class Change {
        RequestReceived received;
        RequestStatus status;
        DossierReviewed review;
        String answerDraftedBy;
        String answerReviewedBy;
        LocalDate guardiansInformedOn;
        GuardianInspectionHeld inspection;
        final List<InformationShared> shares;
        boolean deliveryConfirmed;
        final Set<String> notifiedGuardians;
        ResearchDecided researchDecision;
        RequestRefused refusal;
        final List<ConsultationLine> consultations;
        boolean warmHandoverRequested;
        int correctionsAsked;
        int correctionsDecided;
        final List<LocalDate> accessCopiesSent;
        List<GuardianRef> guardians;
        boolean guardiansLivingApart;
        RequestAcknowledged acknowledgement;

        Change(RequestState s) {
            received = s.received;
            status = s.status;
            review = s.review;
            answerDraftedBy = s.answerDraftedBy;
            answerReviewedBy = s.answerReviewedBy;
            guardiansInformedOn = s.guardiansInformedOn;
            inspection = s.inspection;
            shares = new ArrayList<>(s.shares);
            deliveryConfirmed = s.deliveryConfirmed;
            notifiedGuardians = new HashSet<>(s.notifiedGuardians);
            researchDecision = s.researchDecision;
            refusal = s.refusal;
            consultations = new ArrayList<>(s.consultations);
            warmHandoverRequested = s.warmHandoverRequested;
            correctionsAsked = s.correctionsAsked;
            correctionsDecided = s.correctionsDecided;
            accessCopiesSent = new ArrayList<>(s.accessCopiesSent);
            guardians = s.guardians;
            guardiansLivingApart = s.guardiansLivingApart;
            acknowledgement = s.acknowledgement;
        }

        RequestState done() {
            return new RequestState(received, status, review, answerDraftedBy, answerReviewedBy,
                    guardiansInformedOn, inspection, List.copyOf(shares), deliveryConfirmed,
                    Set.copyOf(notifiedGuardians), researchDecision, refusal, List.copyOf(consultations),
                    warmHandoverRequested, correctionsAsked, correctionsDecided, List.copyOf(accessCopiesSent),
                    List.copyOf(guardians), guardiansLivingApart, acknowledgement);
        }
    }
}
