package nl.pupildata.request.domain;

import java.util.List;
import java.util.function.BiPredicate;
import nl.pupildata.events.model.AccessMode;
import nl.pupildata.events.model.ExemptionGround;
import nl.pupildata.events.model.ResearchDecision;
import nl.pupildata.rules.Rule;
import nl.pupildata.rules.RuleViolation;

/**
 * What the quality card demands before a step, each in one place: asked by the guards ("may I?", which refuse
 * with {@link #refusal}) and by the guide ("what is still missing?", which lists {@link #todo}). Pure.
 */
public enum Requirement {

    /** PA-3, before a guardian's request is closed. */
    ACKNOWLEDGED(Rule.PA_3, "Bevestig de ontvangst en noem wanneer het dossier komt.",
            "Bevestig eerst de ontvangst van het verzoek.", (s, consent) -> s.acknowledged()),
    /** PA-7, before a dossier is given. */
    REVIEWED(Rule.PA_7, "Laat het dossier nalopen door de directeur of de KC.",
            "Het dossier moet eerst door de directeur of de kwaliteitscoördinator worden nagelopen.",
            (s, consent) -> s.reviewed()),
    /** PA-4, before a guardian's request is closed. */
    ANSWERED(Rule.PA_4, "Stuur het dossier als PDF per beveiligde mail naar het adres van de ouder (PA-8).",
            "Een verzoek om inzage wordt pas afgesloten als de ouder antwoord heeft gekregen (dossier verstrekt, "
                    + "inzage gehouden of geweigerd).", (s, consent) -> s.answered()) {
        @Override
        String todo(RequestState s) {
            return s.received().accessMode() == AccessMode.INSPECTION_AT_SCHOOL
                    ? "Plan de inzage op school met twee medewerkers (PA-10)." : super.todo(s);
        }
    },
    /** PA-9, before closing once the dossier was given to one of guardians living apart. */
    OTHER_GUARDIANS_NOTIFIED(Rule.PA_9, "Licht de andere ouder(s) met gezag in.",
            "De ouders wonen gescheiden: licht eerst de andere ouder(s) met gezag in dat het dossier is verstrekt.",
            (s, consent) -> s.shares().isEmpty() || s.otherGuardiansToNotify().isEmpty()) {
        @Override
        String todo(RequestState s) {
            return "Licht de andere ouder(s) met gezag in: "
                    + String.join(", ", s.otherGuardiansToNotify().stream().sorted().toList()) + ".";
        }

        @Override
        RuleViolation refusal(RequestState s) {
            return RuleViolation.rule(rule(), refusal, s.otherGuardiansToNotify().stream().sorted()
                    .map(g -> new RuleViolation.Field("guardianId", g + " nog niet ingelicht")).toList());
        }
    },
    /** G-8c, before the answer can be reviewed. */
    ANSWER_DRAFTED(Rule.G_8, "Schrijf intern een antwoord.", "Er is nog geen concept-antwoord om te beoordelen.",
            (s, consent) -> s.answerDraftedBy() != null),
    /** G-8c, before the answer to a complex request goes out. */
    ANSWER_REVIEWED(Rule.G_8, "Laat het antwoord beoordelen door een tweede collega.",
            "Het antwoord moet eerst door een tweede collega zijn beoordeeld.",
            (s, consent) -> s.answerReviewedBy() != null),
    /** G-8d, the guardians have seen the answer before it goes out. */
    ANSWER_SHOWN_TO_GUARDIANS(Rule.G_8, "Laat het antwoord eerst aan de ouders zien.",
            "Laat het antwoord eerst aan de ouders zien en vraag hun toestemming.",
            (s, consent) -> s.guardiansInformedOn() != null),
    /** G-6, the guardians know before the school asks another organisation. */
    GUARDIANS_TOLD_OF_INQUIRY(Rule.G_6, "Laat de ouders weten dat u de organisatie gaat benaderen.",
            "Laat de ouders eerst weten dat u deze organisatie om informatie gaat vragen.",
            (s, consent) -> s.guardiansInformedOn() != null),
    /** OSO-5, the guardians inspected the transfer file. */
    TRANSFER_FILE_INSPECTED(Rule.OSO_5, "Laat de ouders het overstapdossier eerst inzien.",
            "De ouders moeten het overstapdossier eerst hebben ingezien.", (s, consent) -> s.inspection() != null),
    /** G-12, a decision to take part, taken with the board's decision aid. */
    RESEARCH_DECIDED(Rule.G_12, "Neem een besluit met de beslishulp van het bestuur en leg de reden vast.",
            "Er is geen besluit om aan dit onderzoek deel te nemen.", (s, consent) -> s.researchDecision() != null
                    && s.researchDecision().decision() == ResearchDecision.PARTICIPATE),
    /** G-2, consent for a standard third party or research. */
    CONSENT(Rule.G_2, "Vraag schriftelijke toestemming van de ouders (bij gescheiden ouders met gezag: van beiden).",
            "Er is nog geen (volledige) schriftelijke toestemming van de ouders; zonder toestemming wordt niets "
                    + "gedeeld.", (s, consent) -> consent),
    /** G-8e, consent for the answer to a complex request. */
    CONSENT_TO_ANSWER(Rule.G_8, CONSENT.todo, CONSENT.refusal, (s, consent) -> consent),
    /** OSO-3, consent for the transfer file (OSO-4 is the way without it). */
    CONSENT_TO_TRANSFER(Rule.OSO_3, "Vraag per e-mail toestemming voor het overstapdossier.",
            "Er is geen toestemming van de ouders voor het overstapdossier (bij gescheiden ouders met gezag: van "
                    + "beiden). Zonder toestemming alleen de wettelijke delen, na overleg met de staffunctionaris "
                    + "(OSO-4).", (s, consent) -> consent),
    /** SWV-3, the guardians' agreement to the support file. */
    AGREEMENT_TO_SUPPORT_FILE(Rule.SWV_3, "Registreer de instemming van de ouders.",
            "De ouders hebben (nog) niet ingestemd met het Topdossier.", (s, consent) -> consent);

    private final Rule rule;
    private final String todo;
    final String refusal;
    private final BiPredicate<RequestState, Boolean> met;

    Requirement(Rule rule, String todo, String refusal, BiPredicate<RequestState, Boolean> met) {
        this.rule = rule;
        this.todo = todo;
        this.refusal = refusal;
        this.met = met;
    }

    public Rule rule() {
        return rule;
    }

    /** Whether the requirement is met now ({@code consent}: the consent requirement is satisfied). */
    boolean met(RequestState s, boolean consent) {
        return met.test(s, consent);
    }

    /** What to do about it, in the card's words. */
    String todo(RequestState s) {
        return todo;
    }

    /** The refusal when a step needs it and it is not met. */
    RuleViolation refusal(RequestState s) {
        return RuleViolation.rule(rule, refusal);
    }

    /** The guard: refuses unless met. */
    void require(RequestState s, boolean consent) {
        if (!met(s, consent)) {
            throw refusal(s);
        }
    }

    /**
     * What the card still asks of a request of this kind before it can be finished, in order: the guide shows
     * those not yet met as its blockers.
     */
    static List<Requirement> route(RequestState s, ExemptionGround exemption) {
        return switch (s.kind()) {
            case PARENT_ACCESS -> List.of(ACKNOWLEDGED, REVIEWED, ANSWERED, OTHER_GUARDIANS_NOTIFIED);
            case THIRD_PARTY -> !s.isComplex() ? List.of(CONSENT)
                    // G-9: with the safeguarding exemption the answer is not first shown to the guardians (G-8d).
                    : exemption == ExemptionGround.SAFEGUARDING
                    ? List.of(s.answerDraftedBy() == null ? ANSWER_DRAFTED : ANSWER_REVIEWED, CONSENT_TO_ANSWER)
                    : List.of(s.answerDraftedBy() == null ? ANSWER_DRAFTED : ANSWER_REVIEWED,
                            ANSWER_SHOWN_TO_GUARDIANS, CONSENT_TO_ANSWER);
            case SCHOOL_TRANSFER, SECONDARY_TRANSFER -> List.of(TRANSFER_FILE_INSPECTED, CONSENT_TO_TRANSFER);
            case SUPPORT_FILE -> List.of(AGREEMENT_TO_SUPPORT_FILE);
            case OUTGOING_INQUIRY -> List.of(GUARDIANS_TOLD_OF_INQUIRY);
            case RESEARCH -> s.researchDecision() == null ? List.of(RESEARCH_DECIDED)
                    : s.researchDecision().decision() == ResearchDecision.PARTICIPATE ? List.of(CONSENT)
                    : List.of(); // declined: nothing left but to close
        };
    }
}
