package nl.pupildata.consent.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.pupildata.events.*;
import nl.pupildata.events.model.ConsentRequirement;
import nl.pupildata.events.model.ExemptionGround;

/**
 * The consent of one request as its events describe it: who must consent (G-4), each guardian's latest
 * word (a grant after a withdrawal counts again, G-5), and any exemption (G-9, OSO-4).
 */
public record ConsentState(UUID requestId, ConsentRequirement requirement, List<String> requiredFrom,
        Map<String, Decision> latest, ExemptionGround exemption, Set<String> asked) {

    public enum Decision { GRANTED, REFUSED, WITHDRAWN }

    public static final ConsentState UNKNOWN = new ConsentState(null, null, List.of(), Map.of(), null, Set.of());

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
            case ConsentRequirementDetermined d -> new ConsentState(d.requestId(), d.requirement(),
                    List.copyOf(d.requiredFrom()), Map.of(), null, Set.of());
            case ConsentRequested q -> {
                Set<String> next = new java.util.HashSet<>(asked);
                next.add(q.guardianId());
                yield new ConsentState(requestId, requirement, requiredFrom, latest, exemption, Set.copyOf(next));
            }
            case ConsentGranted g -> with(g.guardianId(), Decision.GRANTED);
            case ConsentRefused r -> with(r.guardianId(), Decision.REFUSED);
            case ConsentWithdrawn w -> with(w.guardianId(), Decision.WITHDRAWN);
            case ConsentExemptionGranted x -> new ConsentState(requestId, requirement, requiredFrom, latest, x.ground(),
                    asked);
            default -> this;
        };
    }

    private ConsentState with(String guardianId, Decision decision) {
        Map<String, Decision> next = new LinkedHashMap<>(latest);
        next.put(guardianId, decision);
        return new ConsentState(requestId, requirement, requiredFrom, Map.copyOf(next), exemption, asked);
    }

    public Set<String> withLatest(Decision decision) {
        return latest.entrySet().stream().filter(e -> e.getValue() == decision).map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** G-4: apart → every guardian with authority; together → one with authority; or an exemption. */
    public boolean satisfied() {
        if (!known()) {
            return false;
        }
        if (exemption != null || requirement == ConsentRequirement.NONE) {
            return true;
        }
        Set<String> granted = withLatest(Decision.GRANTED);
        return switch (requirement) {
            case ALL_WITH_AUTHORITY -> !requiredFrom.isEmpty() && granted.containsAll(requiredFrom);
            case ONE_WITH_AUTHORITY -> requiredFrom.stream().anyMatch(granted::contains);
            case NONE -> true;
        };
    }
}
