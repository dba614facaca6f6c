package nl.pupildata.request.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import nl.pupildata.events.*;
import nl.pupildata.events.model.*;
import nl.pupildata.request.domain.RequestCommand.*;
import nl.pupildata.rules.Roles;
import nl.pupildata.rules.Rule;
import nl.pupildata.rules.Terms;
import nl.pupildata.rules.RuleViolation;
import nl.pupildata.rules.RuleViolation.Field;

/** decide(command, state, facts) → events, or a {@link RuleViolation} naming the rule. Pure: no clock, no I/O. */
public final class RequestDecider {

    private RequestDecider() {
    }

    /** A command the request's state does not allow at all (closed, withdrawn, refused): answered 409. */
    public static final class NotAllowedInState extends RuntimeException {
        public NotAllowedInState(String message) {
            super(message);
        }
    }

    /**
     * The events a handling step gives, or a {@link RuleViolation}: first the step's fields (400), then whether the
     * request's state allows it at all (409), then the card's rules for that step (422).
     */
    public static List<RequestEvent> decide(RequestCommand command, RequestState state, HandlingFacts facts) {
        if (!state.exists()) {
            throw new IllegalArgumentException("Unknown request");
        }
        StepFields.check(command, facts.today());
        if (state.status().isFinal()) {
            throw new NotAllowedInState("Dit verzoek is al afgerond (" + state.status() + "); er kan niets meer mee.");
        }
        return List.of(switch (command) {
            case Acknowledge a -> acknowledge(a, state, facts);
            case Review r -> review(r, state, facts);
            case DraftAnswer d -> draftAnswer(state, facts);
            case ReviewAnswer r -> reviewAnswer(state, facts);
            case InformGuardians g -> informGuardians(g, state, facts);
            case RecordGuardianInspection i -> recordInspection(i, state, facts);
            case Share s -> SharingGuard.share(s, state, facts);
            case ConfirmDelivery c -> confirmDelivery(state, facts);
            case NotifyOtherGuardian n -> notifyOtherGuardian(n, state, facts);
            case RequestCorrection c -> requestCorrection(state, facts);
            case DecideCorrection d -> decideCorrection(d, state, facts);
            case AddStatement s -> addStatement(state, facts);
            case AskWarmHandover w -> askWarmHandover(w, state, facts);
            case SendAccessCopy c -> sendAccessCopy(c, state, facts);
            case AddNextSchoolContact n -> addNextSchoolContact(state, facts);
            case CorrectGuardians g -> correctGuardians(g, state, facts);
            case Refuse r -> refuse(r, state, facts);
            case AskConsultation a -> new ConsultationRequested(state.id(), facts.actor(), a.consultationId(),
                    a.officer());
            case AnswerConsultation a -> answerConsultation(a, state, facts);
            case DecideResearch d -> decideResearch(d, state, facts);
            case Withdraw w -> new RequestWithdrawn(state.id(), facts.actor());
            case Close c -> close(state, facts);
        });
    }

    /**
     * PA-3: the promised date lies within the PA-4 term; guardians living apart: the requester is told the other
     * guardian(s) with authority will be informed (seed 3a).
     */
    static RequestAcknowledged acknowledge(Acknowledge a, RequestState state, HandlingFacts facts) {
        if (state.kind() == RequestKind.PARENT_ACCESS) {
            LocalDate due = state.received().receivedOn().plus(Terms.PARENT_ACCESS);
            if (a.expectedOn().isAfter(due)) {
                throw RuleViolation.rule(Rule.PA_3, "Beloof het dossier niet later dan de termijn: uiterlijk " + due
                        + " (vier weken na ontvangst, PA-4).", "expectedOn");
            }
            if (!state.otherGuardiansWithAuthority().isEmpty() && !Boolean.TRUE.equals(a.otherGuardiansMentioned())) {
                throw RuleViolation.rule(Rule.PA_3, "De ouders wonen gescheiden: vermeld in de bevestiging dat de "
                        + "andere ouder(s) met gezag worden ingelicht en hetzelfde dossier krijgen aangeboden.",
                        "otherGuardiansMentioned");
            }
        }
        return new RequestAcknowledged(state.id(), facts.actor(), a.expectedOn(),
                Boolean.TRUE.equals(a.otherGuardiansMentioned()));
    }

    /** PA-7 and G-7: other pupils' data unreadable, home situation checked. */
    static DossierReviewed review(Review r, RequestState state, HandlingFacts facts) {
        if (!r.otherPupilsPseudonymised()) {
            throw RuleViolation.rule(Rule.G_7, SharingGuard.REVIEW_OTHERS, "otherPupilsPseudonymised");
        }
        if (!r.homeSituationChecked()) {
            throw RuleViolation.rule(Rule.PA_7, "Controleer eerst wat gevolgen kan hebben voor de thuissituatie.",
                    "homeSituationChecked");
        }
        return new DossierReviewed(state.id(), facts.actor(), true, true);
    }

    /** G-8c: the answer to a third party is written internally. */
    static AnswerDrafted draftAnswer(RequestState state, HandlingFacts facts) {
        requireKind(state, Rule.G_8, RequestKind.THIRD_PARTY);
        return new AnswerDrafted(state.id(), facts.actor());
    }

    /** G-8c: four eyes; the reviewer is not the author. */
    static AnswerReviewed reviewAnswer(RequestState state, HandlingFacts facts) {
        Requirement.ANSWER_DRAFTED.require(state, facts.consentSatisfied());
        if (state.answerDraftedBy().equals(facts.actor())) {
            throw RuleViolation.rule(Rule.G_8, "Het antwoord moet door een tweede collega worden beoordeeld "
                    + "(vier ogen): u heeft het zelf geschreven.");
        }
        return new AnswerReviewed(state.id(), facts.actor());
    }

    /** G-8 order: in a complex situation the guardians are shown the answer once it was reviewed (four eyes). */
    static GuardiansInformed informGuardians(InformGuardians g, RequestState state, HandlingFacts facts) {
        if (state.kind() == RequestKind.THIRD_PARTY && state.isComplex()) {
            Requirement.ANSWER_REVIEWED.require(state, facts.consentSatisfied());
        }
        return new GuardiansInformed(state.id(), facts.actor(), g.on());
    }

    /** OSO-5: the guardians saw the transfer file; when they disagree, their statement is added (PA-11). */
    static GuardianInspectionHeld recordInspection(RecordGuardianInspection i, RequestState state,
            HandlingFacts facts) {
        requireKind(state, Rule.OSO_5, RequestKind.SCHOOL_TRANSFER, RequestKind.SECONDARY_TRANSFER);
        boolean statement = Boolean.TRUE.equals(i.statementAdded());
        if (!i.agrees() && !statement) {
            throw RuleViolation.rule(Rule.OSO_5, "De ouders zijn het niet eens met het dossier: voeg hun "
                    + "zienswijze toe (PA-11) voordat u verdergaat.", "statementAdded");
        }
        return new GuardianInspectionHeld(state.id(), facts.actor(), i.on(), i.agrees(), statement);
    }

    /** PA-8: a receipt belongs to a dossier sent by secure mail. */
    static DeliveryConfirmed confirmDelivery(RequestState state, HandlingFacts facts) {
        boolean mailed = state.shares().stream().anyMatch(x -> x.channel() == ShareChannel.SECURE_MAIL);
        if (state.kind() != RequestKind.PARENT_ACCESS || !mailed) {
            throw RuleViolation.rule(Rule.PA_8, "Een ontvangstbevestiging hoort bij een dossier dat per "
                    + "beveiligde mail aan de ouder is gestuurd; dat is nog niet gebeurd.");
        }
        return new DeliveryConfirmed(state.id(), facts.actor());
    }

    /** PA-9: the other guardian with authority is told, after the dossier was given. */
    static OtherGuardianNotified notifyOtherGuardian(NotifyOtherGuardian n, RequestState state, HandlingFacts facts) {
        requireKind(state, Rule.PA_9, RequestKind.PARENT_ACCESS);
        GuardianRef guardian = state.guardians().stream()
                .filter(g -> g.id().equals(n.guardianId())).findFirst().orElse(null);
        if (guardian == null || n.guardianId().equals(state.received().requesterGuardianId())) {
            throw RuleViolation.rule(Rule.PA_9, "Dit is niet de andere ouder van dit verzoek.", "guardianId");
        }
        if (!guardian.hasAuthority()) {
            throw RuleViolation.rule(Rule.PA_9, "Een ouder zonder gezag hoeft niet te worden ingelicht.",
                    "guardianId");
        }
        if (state.shares().isEmpty()) {
            throw RuleViolation.rule(Rule.PA_9, "Het dossier is nog niet verstrekt; er valt nog niets te melden.");
        }
        return new OtherGuardianNotified(state.id(), facts.actor(), n.guardianId());
    }

    /** PA-11: a correction or completion asked for. */
    static CorrectionRequested requestCorrection(RequestState state, HandlingFacts facts) {
        requireKind(state, Rule.PA_11, RequestKind.PARENT_ACCESS);
        return new CorrectionRequested(state.id(), facts.actor());
    }

    /** PA-11: a correction asked for is decided by the director or the KC. */
    static CorrectionDecided decideCorrection(DecideCorrection d, RequestState state, HandlingFacts facts) {
        requireKind(state, Rule.PA_11, RequestKind.PARENT_ACCESS);
        if (state.correctionsOpen() == 0) {
            throw RuleViolation.rule(Rule.PA_11, "Er is geen verzoek om correctie of aanvulling om over te beslissen.");
        }
        if (!facts.actorRoles().contains(Roles.DIRECTOR) && !facts.actorRoles().contains(Roles.QUALITY_COORDINATOR)) {
            throw RuleViolation.rule(Rule.PA_11, "Over een correctie beslist de directeur of de KC.");
        }
        return new CorrectionDecided(state.id(), facts.actor(), d.outcome());
    }

    /** VO-1: either school may ask for a warm handover, until the transfer file has gone. */
    static WarmHandoverRequested askWarmHandover(AskWarmHandover w, RequestState state, HandlingFacts facts) {
        requireKind(state, Rule.VO_1, RequestKind.SECONDARY_TRANSFER);
        if (state.shares().stream().anyMatch(s -> s.channel() == ShareChannel.OSO)) {
            throw RuleViolation.rule(Rule.VO_1, "Het overstapdossier is al verstuurd; een warme overdracht vraagt u "
                    + "aan vóór de overstap.");
        }
        if (state.warmHandoverAsked()) {
            throw new NotAllowedInState("Er is al om een warme overdracht gevraagd.");
        }
        return new WarmHandoverRequested(state.id(), facts.actor(), w.askedBy());
    }

    /** SWV-3: the guardians can be sent an access copy of the support file at any moment. */
    static AccessCopySent sendAccessCopy(SendAccessCopy c, RequestState state, HandlingFacts facts) {
        requireKind(state, Rule.SWV_3, RequestKind.SUPPORT_FILE);
        return new AccessCopySent(state.id(), facts.actor(), c.on());
    }

    /** PA-11: the guardians' own statement added to the dossier. */
    static StatementAdded addStatement(RequestState state, HandlingFacts facts) {
        requireKind(state, Rule.PA_11, RequestKind.PARENT_ACCESS, RequestKind.SCHOOL_TRANSFER,
                RequestKind.SECONDARY_TRANSFER);
        return new StatementAdded(state.id(), facts.actor());
    }

    /**
     * G-4 / G-5: the director or KC corrects the guardians after intake; consent-service then determines again who must
     * consent, and a consent of someone who no longer has authority stops counting.
     */
    static GuardiansCorrected correctGuardians(CorrectGuardians g, RequestState state, HandlingFacts facts) {
        if (!facts.actorRoles().contains(Roles.DIRECTOR) && !facts.actorRoles().contains(Roles.QUALITY_COORDINATOR)) {
            throw RuleViolation.rule(Rule.G_4, "Ouders, gezag en of zij gescheiden wonen corrigeert de directeur of de "
                    + "KC.");
        }
        String requester = state.received().requesterGuardianId();
        if (requester != null && g.guardians().stream().noneMatch(x -> requester.equals(x.id()))) {
            throw RuleViolation.rule(Rule.G_4, "De ouder die het verzoek deed hoort bij het verzoek te blijven.",
                    "guardians");
        }
        return new GuardiansCorrected(state.id(), facts.actor(), g.guardians().stream()
                .map(x -> new GuardianRef(x.id(), x.hasAuthority())).toList(), g.guardiansLivingApart());
    }

    /**
     * SWV-5: the next school's contact person joins the support file only with the guardians' consent for that
     * purpose, of its own (the consent to the support file does not cover it; an exemption neither).
     */
    static NextSchoolContactAdded addNextSchoolContact(RequestState state, HandlingFacts facts) {
        requireKind(state, Rule.SWV_5, RequestKind.SUPPORT_FILE);
        if (!facts.nextSchoolContactConsent()) {
            throw RuleViolation.rule(Rule.SWV_5, "De contactpersoon van de volgende school wordt alleen aan het "
                    + "Topdossier toegevoegd met toestemming van de ouders voor juist dat doel (apart gevraagd en "
                    + "vastgelegd).");
        }
        return new NextSchoolContactAdded(state.id(), facts.actor());
    }

    /** G-12: the decision on a research request and its reason. */
    static ResearchDecided decideResearch(DecideResearch d, RequestState state, HandlingFacts facts) {
        requireKind(state, Rule.G_12, RequestKind.RESEARCH);
        return new ResearchDecided(state.id(), facts.actor(), d.decision(), d.reason());
    }

    /** PA-3, PA-4 and PA-9: a guardian's request closes once acknowledged, answered and, apart, once the other guardian was told. */
    static RequestClosed close(RequestState state, HandlingFacts facts) {
        if (state.kind() == RequestKind.PARENT_ACCESS) {
            Requirement.ACKNOWLEDGED.require(state, facts.consentSatisfied());
            Requirement.ANSWERED.require(state, facts.consentSatisfied());
            Requirement.OTHER_GUARDIANS_NOTIFIED.require(state, facts.consentSatisfied());
        }
        return new RequestClosed(state.id(), facts.actor(), facts.today());
    }

    /**
     * G-11: any refusal only after the QUALITY_OFFICER answered a consultation on it. PA-12 (a guardian's access,
     * the child's safety at risk): also the SAFEGUARDING_OFFICER's answered consultation, and the DIRECTOR's own
     * decision. The event names the officers whose advice it rests on.
     */
    static RequestRefused refuse(Refuse r, RequestState state, HandlingFacts facts) {
        if (state.kind() == RequestKind.PARENT_ACCESS) {
            if (!state.answeredBy(Consultation.SAFEGUARDING_OFFICER)) {
                throw RuleViolation.rule(Rule.PA_12, "Inzage weigeren kan alleen nadat de aandachtsfunctionaris "
                        + "meldcode is geraadpleegd en zelf advies heeft gegeven.", "consultations");
            }
            if (!state.answeredBy(Consultation.QUALITY_OFFICER)) {
                throw RuleViolation.rule(Rule.PA_12, "Inzage weigeren kan alleen nadat de directeur de staffunctionaris "
                        + "Onderwijs & Kwaliteit heeft geraadpleegd en die advies heeft gegeven.", "consultations");
            }
            if (!facts.actorRoles().contains(Roles.DIRECTOR)) {
                throw RuleViolation.rule(Rule.G_11, "Of de ouders hun eigen dossier (deels) niet krijgen, besluit de "
                        + "directeur zelf.");
            }
        } else if (!state.answeredBy(Consultation.QUALITY_OFFICER)) {
            throw RuleViolation.rule(Rule.G_11, "Een verzoek weigeren kan alleen nadat de staffunctionaris Onderwijs & "
                    + "Kwaliteit is geraadpleegd en advies heeft gegeven.", "consultations");
        }
        List<Consultation> consulted = java.util.Arrays.stream(Consultation.values()).filter(state::answeredBy)
                .toList();
        return new RequestRefused(state.id(), facts.actor(), r.partial(), r.reason(), consulted);
    }

    /** G-11: a consultation is answered by the officer asked, in that role, once. */
    static ConsultationAnswered answerConsultation(AnswerConsultation a, RequestState state, HandlingFacts facts) {
        RequestState.ConsultationLine asked = state.consultation(a.consultationId()).orElseThrow(() ->
                RuleViolation.rule(Rule.G_11, "Bij dit verzoek is geen overleg met dit nummer gevraagd.",
                        "consultationId"));
        if (asked.answered()) {
            throw new NotAllowedInState("Dit overleg is al beantwoord op " + asked.answeredOn() + ".");
        }
        if (!facts.actorRoles().contains(asked.officer().name())) {
            throw RuleViolation.rule(Rule.G_11, "Dit overleg is gevraagd aan de " + officerName(asked.officer())
                    + "; alleen die kan het beantwoorden.");
        }
        return new ConsultationAnswered(state.id(), facts.actor(), asked.id(), asked.officer(), a.on());
    }

    static String officerName(Consultation officer) {
        return switch (officer) {
            case QUALITY_OFFICER -> "staffunctionaris Onderwijs & Kwaliteit";
            case SAFEGUARDING_OFFICER -> "aandachtsfunctionaris meldcode";
        };
    }

    static void requireKind(RequestState state, Rule rule, RequestKind... kinds) {
        for (RequestKind k : kinds) {
            if (state.kind() == k) {
                return;
            }
        }
        throw RuleViolation.rule(rule, "Deze stap hoort niet bij een verzoek van het soort "
                + state.kind().name().toLowerCase(Locale.ROOT) + ".");
    }
}
