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

    public record Exempt(ExemptionGround ground, String consultedQualityOfficer, String reason) implements Command {
    }

    public static List<ConsentEvent> decide(Command command, ConsentState state, RequestKind kind, String actor) {
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
                if (blank(x.consultedQualityOfficer())) {
                    throw RuleViolation.rule(rule, "Een uitzondering op toestemming mag alleen na overleg met de "
                            + "staffunctionaris Onderwijs & Kwaliteit; leg vast met wie.", "consultedQualityOfficer");
                }
                if (blank(x.reason())) {
                    throw RuleViolation.missing(rule, "reason");
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
