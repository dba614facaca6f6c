package nl.pupildata.request.domain;

import java.util.ArrayList;
import java.util.List;
import nl.pupildata.events.model.AccessMode;
import nl.pupildata.events.model.ResearchDecision;

/** What still stands between a request and its end, in the quality card's words, and which steps apply. */
public final class RequestGuide {

    private RequestGuide() {
    }

    public record Blocker(String rule, String message) {
    }

    public static List<Blocker> blockers(RequestState s, boolean consentSatisfied) {
        List<Blocker> b = new ArrayList<>();
        if (s.status().isFinal()) {
            return b;
        }
        switch (s.kind()) {
            case PARENT_ACCESS -> {
                if (!s.acknowledged()) {
                    b.add(new Blocker("PA-3", "Bevestig de ontvangst en noem wanneer het dossier komt."));
                }
                if (!s.reviewed()) {
                    b.add(new Blocker("PA-7", "Laat het dossier nalopen door de directeur of de KC."));
                }
                if (!s.answered()) {
                    b.add(new Blocker("PA-4", s.received().accessMode() == AccessMode.INSPECTION_AT_SCHOOL
                            ? "Plan de inzage op school met twee medewerkers (PA-10)."
                            : "Stuur het dossier als PDF per beveiligde mail naar het adres van de ouder (PA-8)."));
                }
                if (!s.shares().isEmpty() && !s.otherGuardiansToNotify().isEmpty()) {
                    b.add(new Blocker("PA-9", "Licht de andere ouder(s) met gezag in: " + String.join(", ",
                            s.otherGuardiansToNotify().stream().sorted().toList()) + "."));
                }
            }
            case THIRD_PARTY -> {
                if (s.isComplex()) {
                    if (s.answerDraftedBy() == null) {
                        b.add(new Blocker("G-8", "Schrijf intern een antwoord."));
                    } else if (s.answerReviewedBy() == null) {
                        b.add(new Blocker("G-8", "Laat het antwoord beoordelen door een tweede collega."));
                    }
                    if (s.guardiansInformedOn() == null) {
                        b.add(new Blocker("G-8", "Laat het antwoord eerst aan de ouders zien."));
                    }
                }
                if (!consentSatisfied) {
                    b.add(new Blocker("G-2", "Vraag schriftelijke toestemming van de ouders (bij gescheiden ouders "
                            + "met gezag: van beiden)."));
                }
            }
            case SCHOOL_TRANSFER, SECONDARY_TRANSFER -> {
                if (s.inspection() == null) {
                    b.add(new Blocker("OSO-5", "Laat de ouders het overstapdossier eerst inzien."));
                }
                if (!consentSatisfied) {
                    b.add(new Blocker("OSO-3", "Vraag per e-mail toestemming voor het overstapdossier."));
                }
            }
            case SUPPORT_FILE -> {
                if (!consentSatisfied) {
                    b.add(new Blocker("SWV-3", "Registreer de instemming van de ouders."));
                }
            }
            case OUTGOING_INQUIRY -> {
                if (s.guardiansInformedOn() == null) {
                    b.add(new Blocker("G-6", "Laat de ouders weten dat u de organisatie gaat benaderen."));
                }
            }
            case RESEARCH -> {
                if (s.researchDecision() == null) {
                    b.add(new Blocker("G-12", "Neem een besluit met de beslishulp van het bestuur en leg de reden "
                            + "vast."));
                } else if (s.researchDecision().decision() == ResearchDecision.PARTICIPATE && !consentSatisfied) {
                    b.add(new Blocker("G-2", "Vraag schriftelijke toestemming van de ouders."));
                }
            }
        }
        return b;
    }

    /** The steps that apply to this kind of request in its current state. */
    public static List<String> allowedActions(RequestState s) {
        List<String> a = new ArrayList<>();
        if (s.status().isFinal()) {
            return a;
        }
        switch (s.kind()) {
            case PARENT_ACCESS -> {
                a.addAll(List.of("acknowledgement", "review", "shares", "corrections", "statements", "refusal"));
                if (!s.shares().isEmpty()) {
                    a.add("delivery-confirmation");
                    a.add("other-guardian-notices");
                }
            }
            case THIRD_PARTY -> a.addAll(s.isComplex()
                    ? List.of("answer-draft", "answer-review", "guardians-informed", "shares", "refusal")
                    : List.of("shares", "refusal"));
            case SCHOOL_TRANSFER, SECONDARY_TRANSFER -> a.addAll(List.of("guardian-inspection", "statements",
                    "shares", "refusal"));
            case SUPPORT_FILE -> a.addAll(List.of("shares", "next-school-contact", "refusal"));
            case OUTGOING_INQUIRY -> a.addAll(List.of("guardians-informed", "shares"));
            case RESEARCH -> a.addAll(List.of("research-decision", "shares", "refusal"));
        }
        a.add("withdrawal");
        a.add("closure");
        return a;
    }
}
