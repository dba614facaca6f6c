package nl.pupildata.consent.domain;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.pupildata.events.*;
import nl.pupildata.events.model.ConsentPurpose;
import nl.pupildata.events.model.ConsentRequirement;
import nl.pupildata.events.model.ExemptionGround;

/**
 * The consent of one request as its events describe it: who must consent (G-4), each guardian's latest word per
 * purpose — the request's own consent, and the next school's contact in the support file, which needs a consent of
 * its own (SWV-5) — (a grant after a withdrawal counts again, G-5), who was asked (G-10), and any exemption (G-9,
 * OSO-4; it covers the request's own consent only).
 */
public record ConsentState(UUID requestId, ConsentRequirement requirement, List<String> requiredFrom,
        Map<ConsentPurpose, Map<String, Decision>> decisions, ExemptionGround exemption,
        Map<ConsentPurpose, Set<String>> askedFor) {

    public enum Decision { GRANTED, REFUSED, WITHDRAWN }

    public static final ConsentState UNKNOWN = new ConsentState(null, null, List.of(), Map.of(), null, Map.of());

    public boolean known() {
        return requirement != null;
    }

    public static ConsentState replay(List<? extends PupilDataEvent> history) {
        ConsentState s = UNKNOWN;
        for (PupilDataEvent e : history) {
            s = s.evolve(e);
        }
        return s;
    }

    public ConsentState evolve(PupilDataEvent event) {
        return switch (event) {
            // Determined at intake, or again after a correction of the guardians (G-4): each guardian's word and any
            // exemption stay; a guardian no longer required simply stops counting (satisfied() asks requiredFrom).
            case ConsentRequirementDetermined d -> new ConsentState(d.requestId(), d.requirement(),
                    List.copyOf(d.requiredFrom()), decisions, exemption, askedFor);
            case ConsentRequested q -> {
                Map<ConsentPurpose, Set<String>> next = new LinkedHashMap<>(askedFor);
                Set<String> asked = new HashSet<>(asked(ConsentPurpose.of(q.purpose())));
                asked.add(q.guardianId());
                next.put(ConsentPurpose.of(q.purpose()), Set.copyOf(asked));
                yield new ConsentState(requestId, requirement, requiredFrom, decisions, exemption, Map.copyOf(next));
            }
            case ConsentGranted g -> with(g.purpose(), g.guardianId(), Decision.GRANTED);
            case ConsentRefused r -> with(r.purpose(), r.guardianId(), Decision.REFUSED);
            case ConsentWithdrawn w -> with(w.purpose(), w.guardianId(), Decision.WITHDRAWN);
            case ConsentExemptionGranted x -> new ConsentState(requestId, requirement, requiredFrom, decisions,
                    x.ground(), askedFor);
            default -> this;
        };
    }

    private ConsentState with(ConsentPurpose purpose, String guardianId, Decision decision) {
        Map<String, Decision> next = new LinkedHashMap<>(latest(ConsentPurpose.of(purpose)));
        next.put(guardianId, decision);
        Map<ConsentPurpose, Map<String, Decision>> all = new LinkedHashMap<>(decisions);
        all.put(ConsentPurpose.of(purpose), Map.copyOf(next));
        return new ConsentState(requestId, requirement, requiredFrom, Map.copyOf(all), exemption, askedFor);
    }

    /** Each guardian's latest word on the request's own consent. */
    public Map<String, Decision> latest() {
        return latest(ConsentPurpose.REQUEST);
    }

    public Map<String, Decision> latest(ConsentPurpose purpose) {
        return decisions.getOrDefault(purpose, Map.of());
    }

    /** The guardians asked for consent (G-10), for this purpose. */
    public Set<String> asked(ConsentPurpose purpose) {
        return askedFor.getOrDefault(purpose, Set.of());
    }

    public Set<String> withLatest(Decision decision) {
        return withLatest(ConsentPurpose.REQUEST, decision);
    }

    public Set<String> withLatest(ConsentPurpose purpose, Decision decision) {
        return latest(purpose).entrySet().stream().filter(e -> e.getValue() == decision).map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** G-4: apart → every guardian with authority; together → one with authority; or an exemption. */
    public boolean satisfied() {
        return satisfied(ConsentPurpose.REQUEST);
    }

    /** For a purpose of its own (SWV-5) only real consents count: no exemption, and never "not needed". */
    public boolean satisfied(ConsentPurpose purpose) {
        if (!known()) {
            return false;
        }
        if (purpose == ConsentPurpose.REQUEST && (exemption != null || requirement == ConsentRequirement.NONE)) {
            return true;
        }
        if (requirement == ConsentRequirement.NONE) {
            return false;
        }
        Set<String> granted = withLatest(purpose, Decision.GRANTED);
        return switch (requirement) {
            case ALL_WITH_AUTHORITY -> !requiredFrom.isEmpty() && granted.containsAll(requiredFrom);
            case ONE_WITH_AUTHORITY -> requiredFrom.stream().anyMatch(granted::contains);
            case NONE -> false;
        };
    }
}
