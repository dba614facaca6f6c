package nl.pupildata.consent.domain;

import nl.pupildata.rules.Rule;

import java.util.ArrayList;
import java.util.List;
import nl.pupildata.events.*;
import nl.pupildata.events.model.ConsentEvidence;
import nl.pupildata.events.model.ConsentRequirement;
import nl.pupildata.events.model.ExemptionGround;
import nl.pupildata.events.model.GuardianRef;
import nl.pupildata.events.model.RequestKind;
import nl.pupildata.rules.NationalIds;
import nl.pupildata.rules.RuleViolation;

/** decide(command, state) → events for consent. Pure. */
public final class ConsentRules {

    public static final String SERVICE = "consent-service";

    private ConsentRules() {
    }

    /** G-4: who must consent, from the request as received. */
    public static ConsentRequirementDetermined requirementFor(RequestReceived r) {
        List<String> withAuthority = r.guardians().stream().filter(GuardianRef::hasAuthority).map(GuardianRef::id)
                .toList();
        boolean needsNone = r.kind() == RequestKind.PARENT_ACCESS || r.kind() == RequestKind.OUTGOING_INQUIRY;
        ConsentRequirement requirement = needsNone ? ConsentRequirement.NONE
                : r.guardiansLivingApart() ? ConsentRequirement.ALL_WITH_AUTHORITY
                : ConsentRequirement.ONE_WITH_AUTHORITY;
        return new ConsentRequirementDetermined(r.requestId(), SERVICE, requirement,
                needsNone ? List.of() : withAuthority);
    }

    /**
     * G-10: for a third party or research, consent counts only after the guardian was asked for it, told what kind of
     * information will be given (in a complex situation the answer itself is shown, G-8d, with that request).
     */
    static final java.util.Set<RequestKind> ASKED_FIRST = java.util.Set.of(RequestKind.THIRD_PARTY,
            RequestKind.RESEARCH);

    public sealed interface Command {
    }

    public record Ask(String guardianId, String informationDescription) implements Command {
    }

    public record Grant(String guardianId, ConsentEvidence evidence, String evidenceRef) implements Command {
    }

    public record Refuse(String guardianId) implements Command {
    }

    public record Withdraw(String guardianId) implements Command {
    }

    /** G-9 / OSO-4: no consent needed, on a ground, after the QUALITY_OFFICER answered a consultation. */
    public record Exempt(ExemptionGround ground, String reason) implements Command {
    }

    /**
     * @param qualityOfficerAdvised whether the QUALITY_OFFICER answered a consultation on this request, themselves
     *     (request-service's ConsultationAnswered)
     */
    public static List<ConsentEvent> decide(Command command, ConsentState state, RequestKind kind, String actor,
            boolean qualityOfficerAdvised) {
        noNationalId(command);
        List<ConsentEvent> events = new ArrayList<>();
        switch (command) {
            case Ask a -> {
                requireGuardian(a.guardianId(), state);
                if (blank(a.informationDescription())) {
                    throw RuleViolation.missing(Rule.G_10, "informationDescription");
                }
                events.add(new ConsentRequested(state.requestId(), actor, a.guardianId(), a.informationDescription()));
            }
            case Grant g -> {
                requireGuardian(g.guardianId(), state);
                if (g.evidence() == null) {
                    throw RuleViolation.missing(Rule.G_3, "evidence");
                }
                if (blank(g.evidenceRef())) {
                    throw RuleViolation.missing(Rule.G_3, "evidenceRef");
                }
                if (ASKED_FIRST.contains(kind) && !state.asked().contains(g.guardianId())) {
                    throw RuleViolation.rule(Rule.G_10, "Vraag deze ouder eerst om toestemming en noem daarbij wat voor "
                            + "informatie er wordt gegeven; pas daarna telt een toestemming.", "guardianId");
                }
                events.add(new ConsentGranted(state.requestId(), actor, g.guardianId(), g.evidence(), g.evidenceRef()));
            }
            case Refuse r -> {
                requireGuardian(r.guardianId(), state);
                events.add(new ConsentRefused(state.requestId(), actor, r.guardianId()));
            }
            case Withdraw w -> {
                requireGuardian(w.guardianId(), state);
                if (state.latest().get(w.guardianId()) != ConsentState.Decision.GRANTED) {
                    throw RuleViolation.rule(Rule.G_5, "Deze ouder heeft op dit moment geen toestemming gegeven.",
                            "guardianId");
                }
                events.add(new ConsentWithdrawn(state.requestId(), actor, w.guardianId()));
            }
            case Exempt x -> {
                if (x.ground() == null) {
                    throw RuleViolation.missing(null, "ground");
                }
                Rule rule = x.ground() == ExemptionGround.SAFEGUARDING ? Rule.G_9 : Rule.OSO_4;
                if (blank(x.reason())) {
                    throw RuleViolation.missing(rule, "reason");
                }
                if (state.requirement() == ConsentRequirement.NONE) {
                    throw RuleViolation.rule(rule, "Voor dit verzoek is geen toestemming nodig; een uitzondering "
                            + "heeft geen zin.", "ground");
                }
                if (x.ground() == ExemptionGround.SAFEGUARDING && kind == RequestKind.RESEARCH) {
                    throw RuleViolation.rule(Rule.G_9, "Voor onderzoek wordt nooit zonder toestemming gedeeld; "
                            + "de veiligheid van het kind is daar geen grond (G-12).", "ground");
                }
                if (!qualityOfficerAdvised) {
                    throw RuleViolation.rule(rule, "Een uitzondering op toestemming mag alleen nadat de "
                            + "staffunctionaris Onderwijs & Kwaliteit is geraadpleegd en zelf advies heeft gegeven "
                            + "(vraag het overleg aan bij het verzoek).", "consultations");
                }
                if (x.ground() == ExemptionGround.STATUTORY_TRANSFER && kind != RequestKind.SCHOOL_TRANSFER
                        && kind != RequestKind.SECONDARY_TRANSFER) {
                    throw RuleViolation.rule(Rule.OSO_4, "De wettelijke uitzondering geldt alleen voor het "
                            + "overstapdossier naar een volgende school.", "ground");
                }
                events.add(new ConsentExemptionGranted(state.requestId(), actor, x.ground(), true, x.reason()));
            }
        }
        return withTransition(state, events);
    }

    /** ConsentSatisfied / ConsentLapsed exactly when {@code satisfied} changes. */
    static List<ConsentEvent> withTransition(ConsentState before, List<ConsentEvent> events) {
        ConsentState after = before;
        for (ConsentEvent e : events) {
            after = after.evolve(e);
        }
        List<ConsentEvent> all = new ArrayList<>(events);
        if (!before.satisfied() && after.satisfied()) {
            all.add(new ConsentSatisfied(before.requestId(), SERVICE, after.exemption() != null));
        } else if (before.satisfied() && !after.satisfied()) {
            String guardian = events.stream().map(e -> switch (e) {
                case ConsentWithdrawn w -> w.guardianId();
                case ConsentRefused r -> r.guardianId();
                default -> null;
            }).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            all.add(new ConsentLapsed(before.requestId(), SERVICE, guardian));
        }
        return all;
    }

    /** SWV-4: no BSN or onderwijsnummer in what staff type (never echoed). */
    private static void noNationalId(Command command) {
        java.util.Map<String, String> texts = new java.util.LinkedHashMap<>();
        switch (command) {
            case Ask a -> texts.put("informationDescription", a.informationDescription());
            case Grant g -> texts.put("evidenceRef", g.evidenceRef());
            case Exempt x -> texts.put("reason", x.reason());
            default -> {
            }
        }
        List<RuleViolation.Field> found = texts.entrySet().stream()
                .filter(t -> NationalIds.containsNationalId(t.getValue()))
                .map(t -> new RuleViolation.Field(t.getKey(), "bevat een BSN of onderwijsnummer")).toList();
        if (!found.isEmpty()) {
            throw RuleViolation.rule(Rule.SWV_4, "Een BSN of onderwijsnummer hoort niet in dit systeem; verwijder het "
                    + "nummer.", found);
        }
    }

    /** G-4: only a guardian with authority gives or blocks consent. */
    private static void requireGuardian(String guardianId, ConsentState state) {
        if (blank(guardianId)) {
            throw RuleViolation.missing(null, "guardianId");
        }
        if (state.requirement() == ConsentRequirement.NONE) {
            throw RuleViolation.rule(Rule.G_4, "Voor dit verzoek is geen toestemming nodig.", "guardianId");
        }
        if (!state.requiredFrom().contains(guardianId)) {
            throw RuleViolation.rule(Rule.G_4, "Alleen een ouder met gezag die bij dit verzoek hoort kan toestemming "
                    + "geven of weigeren.", "guardianId");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
