package nl.pupildata.consent.domain;

import nl.pupildata.rules.Rule;

import java.util.ArrayList;
import java.util.List;
import nl.pupildata.events.*;
import nl.pupildata.events.model.ConsentEvidence;
import nl.pupildata.events.model.ConsentPurpose;
import nl.pupildata.events.model.ConsentRequirement;
import nl.pupildata.events.model.ExemptionGround;
import nl.pupildata.events.model.GuardianRef;
import nl.pupildata.events.model.RequestKind;
import nl.pupildata.rules.EventValues;
import nl.pupildata.rules.NationalIds;
import nl.pupildata.rules.RuleViolation;

/** decide(command, state) → events for consent. Pure. */
public final class ConsentRules {

    public static final String SERVICE = "consent-service";

    private ConsentRules() {
    }

    /** G-4: who must consent, from the request as received. */
    public static ConsentRequirementDetermined requirementFor(RequestReceived r) {
        return requirement(r.requestId(), r.kind(), r.guardians(), r.guardiansLivingApart());
    }

    /**
     * G-4 / G-5: the guardians were corrected after intake: who must consent is determined again (a new event), and
     * a consent of someone who no longer has authority stops counting — which may lapse the consent (naming a
     * guardian whose consent is now missing or no longer counts) or satisfy it.
     */
    public static List<ConsentEvent> redetermine(ConsentState state, RequestKind kind, GuardiansCorrected corrected) {
        ConsentRequirementDetermined again = requirement(corrected.requestId(), kind, corrected.guardians(),
                corrected.guardiansLivingApart());
        return withTransition(state, List.of(again));
    }

    private static ConsentRequirementDetermined requirement(java.util.UUID requestId, RequestKind kind,
            List<GuardianRef> guardians, boolean livingApart) {
        List<String> withAuthority = guardians.stream().filter(GuardianRef::hasAuthority).map(GuardianRef::id)
                .toList();
        boolean needsNone = kind == RequestKind.PARENT_ACCESS || kind == RequestKind.OUTGOING_INQUIRY;
        ConsentRequirement requirement = needsNone ? ConsentRequirement.NONE
                : livingApart ? ConsentRequirement.ALL_WITH_AUTHORITY
                : ConsentRequirement.ONE_WITH_AUTHORITY;
        return new ConsentRequirementDetermined(requestId, SERVICE, requirement, needsNone ? List.of() : withAuthority);
    }

    /**
     * G-10: for a third party or research, consent counts only after the guardian was asked for it, told what kind of
     * information will be given (in a complex situation the answer itself is shown, G-8d, with that request).
     */
    static final java.util.Set<RequestKind> ASKED_FIRST = java.util.Set.of(RequestKind.THIRD_PARTY,
            RequestKind.RESEARCH);

    public sealed interface Command {
    }

    /** A command about one guardian's consent, for a purpose (none: the request's own consent). */
    public sealed interface GuardianCommand extends Command {
        String guardianId();

        ConsentPurpose purpose();
    }

    public record Ask(String guardianId, String informationDescription, ConsentPurpose purpose)
            implements GuardianCommand {
        public Ask(String guardianId, String informationDescription) {
            this(guardianId, informationDescription, null);
        }
    }

    public record Grant(String guardianId, ConsentEvidence evidence, String evidenceRef, ConsentPurpose purpose)
            implements GuardianCommand {
        public Grant(String guardianId, ConsentEvidence evidence, String evidenceRef) {
            this(guardianId, evidence, evidenceRef, null);
        }
    }

    public record Refuse(String guardianId, ConsentPurpose purpose) implements GuardianCommand {
        public Refuse(String guardianId) {
            this(guardianId, null);
        }
    }

    public record Withdraw(String guardianId, ConsentPurpose purpose) implements GuardianCommand {
        public Withdraw(String guardianId) {
            this(guardianId, null);
        }
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
        narrowTexts(command);
        List<ConsentEvent> events = new ArrayList<>();
        ConsentPurpose purpose = command instanceof GuardianCommand g ? ConsentPurpose.of(g.purpose())
                : ConsentPurpose.REQUEST;
        if (purpose == ConsentPurpose.NEXT_SCHOOL_CONTACT && kind != RequestKind.SUPPORT_FILE) {
            throw RuleViolation.rule(Rule.SWV_5, "Toestemming voor de contactpersoon van de vervolgschool hoort bij "
                    + "een Topdossier.", "purpose");
        }
        ConsentPurpose wire = purpose.onTheWire();
        switch (command) {
            case Ask a -> {
                requireGuardian(a.guardianId(), state);
                if (blank(a.informationDescription())) {
                    throw RuleViolation.missing(purpose == ConsentPurpose.REQUEST ? Rule.G_10 : Rule.SWV_5,
                            "informationDescription");
                }
                events.add(new ConsentRequested(state.requestId(), actor, a.guardianId(), a.informationDescription(),
                        wire));
            }
            case Grant g -> {
                requireGuardian(g.guardianId(), state);
                if (g.evidence() == null) {
                    throw RuleViolation.missing(Rule.G_3, "evidence");
                }
                if (blank(g.evidenceRef())) {
                    throw RuleViolation.missing(Rule.G_3, "evidenceRef");
                }
                if (purpose == ConsentPurpose.NEXT_SCHOOL_CONTACT && !state.asked(purpose).contains(g.guardianId())) {
                    throw RuleViolation.rule(Rule.SWV_5, "Vraag deze ouder eerst om toestemming om de contactpersoon "
                            + "van de vervolgschool aan het Topdossier toe te voegen.", "guardianId");
                }
                if (ASKED_FIRST.contains(kind) && !state.asked(purpose).contains(g.guardianId())) {
                    throw RuleViolation.rule(Rule.G_10, "Vraag deze ouder eerst om toestemming en noem daarbij wat voor "
                            + "informatie er wordt gegeven; pas daarna telt een toestemming.", "guardianId");
                }
                events.add(new ConsentGranted(state.requestId(), actor, g.guardianId(), g.evidence(), g.evidenceRef(),
                        wire));
            }
            case Refuse r -> {
                requireGuardian(r.guardianId(), state);
                events.add(new ConsentRefused(state.requestId(), actor, r.guardianId(), wire));
            }
            case Withdraw w -> {
                requireGuardian(w.guardianId(), state);
                if (state.latest(purpose).get(w.guardianId()) != ConsentState.Decision.GRANTED) {
                    throw RuleViolation.rule(Rule.G_5, "Deze ouder heeft op dit moment geen toestemming gegeven.",
                            "guardianId");
                }
                events.add(new ConsentWithdrawn(state.requestId(), actor, w.guardianId(), wire));
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

    /**
     * ConsentSatisfied / ConsentLapsed exactly when a purpose's {@code satisfied} changes: by a guardian's word, or
     * when the requirement is determined again (G-4). A lapse names the guardian: the one who withdrew or refused, or
     * whose consent no longer counts, or whose consent is now missing.
     */
    static List<ConsentEvent> withTransition(ConsentState before, List<ConsentEvent> events) {
        ConsentState after = before;
        for (ConsentEvent e : events) {
            after = after.evolve(e);
        }
        List<ConsentEvent> all = new ArrayList<>(events);
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            boolean was = before.satisfied(purpose);
            boolean is = after.satisfied(purpose);
            if (!was && is) {
                all.add(new ConsentSatisfied(before.requestId(), SERVICE,
                        purpose == ConsentPurpose.REQUEST && after.exemption() != null, purpose.onTheWire()));
            } else if (was && !is) {
                all.add(new ConsentLapsed(before.requestId(), SERVICE, lapsedBy(before, after, events, purpose),
                        purpose.onTheWire()));
            }
        }
        return all;
    }

    private static String lapsedBy(ConsentState before, ConsentState after, List<ConsentEvent> events,
            ConsentPurpose purpose) {
        for (ConsentEvent e : events) {
            switch (e) {
                case ConsentWithdrawn w when ConsentPurpose.of(w.purpose()) == purpose -> {
                    return w.guardianId();
                }
                case ConsentRefused r when ConsentPurpose.of(r.purpose()) == purpose -> {
                    return r.guardianId();
                }
                default -> {
                }
            }
        }
        return before.withLatest(purpose, ConsentState.Decision.GRANTED).stream()
                .filter(g -> !after.requiredFrom().contains(g)).findFirst()
                .orElseGet(() -> after.requiredFrom().stream()
                        .filter(g -> after.latest(purpose).get(g) != ConsentState.Decision.GRANTED).findFirst()
                        .orElse(null));
    }

    /**
     * What staff type goes into the event: SWV-4, no BSN or onderwijsnummer; and bounded, naming no one (issue 19).
     * The value is never echoed.
     */
    private static void narrowTexts(Command command) {
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
        }        // Each of these goes into its event: bounded, and naming no one (issue 19).
        List<RuleViolation.Field> wide = new java.util.ArrayList<>();
        texts.forEach((field, text) -> java.util.Optional.ofNullable(EventValues.textProblem(text))
                .ifPresent(problem -> wide.add(new RuleViolation.Field(field, problem))));
        if (!wide.isEmpty()) {
            throw RuleViolation.invalid(null, wide);
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
