package nl.pupildata.register.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.*;
import nl.pupildata.events.model.*;
import nl.pupildata.rules.Rule;

/**
 * An entry of the register as a fold over its request's events in time order. Pure, and independent of the
 * order in which the three topics delivered the events: the projection refolds the whole timeline each time.
 */
public final class RegisterFold {

    private RegisterFold() {
    }

    public record Extension(int number, LocalDate newDueOn, String reason, String approvedBy,
            LocalDate guardiansNotifiedOn) {
    }

    public record ConsentLine(String type, String guardianId, Instant at, String recordedBy, ConsentEvidence evidence,
            String evidenceRef, ExemptionGround exemption) {
    }

    public record Share(ShareChannel channel, LocalDate sharedOn, String sharedBy, List<OsoSection> sections,
            ExemptionGround exemption) {
    }

    /** A refusal, with the card's rule it rests on: PA-12 for a guardian's own access, G-11 for any other. */
    public record Refusal(boolean partial, String rule, String reason, List<Consultation> consulted, String refusedBy,
            Instant at) {
    }

    public record Summary(UUID requestId, String schoolBrin, RequestKind kind, RequesterCategory requesterCategory,
            String pupilRef, LocalDate receivedOn, RequestStatus status, String outcome, LocalDate dueOn,
            List<Extension> extensions, ConsentRequirement consentRequirement, boolean consentSatisfied,
            List<ConsentLine> consents, List<Share> shares, List<Refusal> refusals, LocalDate closedOn,
            Boolean metWithinTerm, Instant lastEventAt, ResearchDecision research) {
    }

    public static Summary fold(UUID requestId, List<EventEnvelope> timeline) {
        String school = null;
        RequestKind kind = null;
        RequesterCategory category = null;
        String pupil = null;
        LocalDate received = null;
        RequestStatus status = null;
        String outcome = null;
        LocalDate due = null;
        List<Extension> extensions = new ArrayList<>();
        ConsentRequirement requirement = null;
        boolean satisfied = false;
        List<ConsentLine> consents = new ArrayList<>();
        List<Share> shares = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        LocalDate closed = null;
        Boolean met = null;
        Instant last = null;
        ResearchDecision research = null;
        for (EventEnvelope e : timeline) {
            last = e.time();
            if (e.event() instanceof RequestEvent requestEvent) {
                status = RequestStatus.after(status, requestEvent); // the contract's one status machine
            }
            switch (e.event()) {
                case RequestReceived r -> {
                    school = r.schoolBrin();
                    kind = r.kind();
                    category = r.requesterCategory();
                    pupil = r.pupilRef();
                    received = r.receivedOn();
                }
                case InformationShared s -> {
                    shares.add(new Share(s.channel(), s.sharedOn(), s.actor(), s.sections(), s.exemption()));
                    outcome = "SHARED";
                }
                case RequestRefused r -> {
                    refusals.add(new Refusal(r.partial(), refusalRule(kind).id(), r.reason(), r.consulted(), r.actor(),
                            e.time()));
                    outcome = r.partial() ? "PARTIALLY_REFUSED" : "REFUSED";
                }
                case RequestWithdrawn w -> outcome = "WITHDRAWN";
                case RequestClosed c -> closed = c.closedOn();
                case ResearchDecided d -> research = d.decision();
                case ConsentRequirementDetermined d -> requirement = d.requirement();
                case ConsentGranted g -> consents.add(new ConsentLine(word("GRANTED", g.purpose()), g.guardianId(),
                        e.time(), g.actor(), g.evidence(), g.evidenceRef(), null));
                case ConsentRefused r -> consents.add(new ConsentLine(word("REFUSED", r.purpose()), r.guardianId(),
                        e.time(), r.actor(), null, null, null));
                case ConsentWithdrawn w -> consents.add(new ConsentLine(word("WITHDRAWN", w.purpose()), w.guardianId(),
                        e.time(), w.actor(), null, null, null));
                case ConsentExemptionGranted x -> consents.add(new ConsentLine("EXEMPTION", null, e.time(), x.actor(),
                        null, null, x.ground()));
                // SWV-5's consent of its own for the next school's contact is not the request's consent.
                case ConsentSatisfied s when ConsentPurpose.of(s.purpose()) == ConsentPurpose.REQUEST ->
                        satisfied = true;
                case ConsentLapsed l when ConsentPurpose.of(l.purpose()) == ConsentPurpose.REQUEST ->
                        satisfied = false;
                case DeadlineSet d -> due = d.dueOn();
                case DeadlineExtended x -> {
                    extensions.add(new Extension(x.number(), x.newDueOn(), x.reason(), x.actor(),
                            x.guardiansNotifiedOn()));
                    due = x.newDueOn();
                }
                case DeadlineMet m -> met = m.withinTerm();
                default -> {
                    // the status machine above is all
                }
            }
        }
        return new Summary(requestId, school, kind, category, pupil, received,
                status == null ? RequestStatus.RECEIVED : status, outcome, due, extensions, requirement, satisfied,
                consents, shares, refusals, closed, met, last, research);
    }

    /**
     * The rule a refusal rests on, as request-service decides it: refusing guardians their own dossier is PA-12;
     * refusing anyone else is G-11. (A refusal always follows the request's RequestReceived, so its kind is known.)
     */
    static Rule refusalRule(RequestKind kind) {
        return kind == RequestKind.PARENT_ACCESS ? Rule.PA_12 : Rule.G_11;
    }

    /** The reason of the latest refusal, if any. */
    public static String lastRefusalReason(Summary s) {
        return s.refusals().isEmpty() ? null : s.refusals().get(s.refusals().size() - 1).reason();
    }

    /** A consent's word, named with its purpose when it is not the request's own (SWV-5). */
    static String word(String word, ConsentPurpose purpose) {
        return purpose == null || purpose == ConsentPurpose.REQUEST ? word : purpose.name() + "_" + word;
    }

}
