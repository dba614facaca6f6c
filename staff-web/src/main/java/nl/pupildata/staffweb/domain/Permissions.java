package nl.pupildata.staffweb.domain;

import static nl.pupildata.rules.Roles.ADMIN_STAFF;
import static nl.pupildata.rules.Roles.DIRECTOR;
import static nl.pupildata.rules.Roles.PRIVACY_OFFICER;
import static nl.pupildata.rules.Roles.QUALITY_COORDINATOR;
import static nl.pupildata.rules.Roles.QUALITY_OFFICER;
import static nl.pupildata.rules.Roles.SAFEGUARDING_OFFICER;

import java.util.Map;
import java.util.Set;

/**
 * Which roles may take which action: the matrix of docs/security.md (checked against it by PermissionsTest), so that
 * the page offers a user only what the services would let them do. The services decide regardless.
 */
public final class Permissions {

    private static final Set<String> SCHOOL_STAFF = Set.of(DIRECTOR, QUALITY_COORDINATOR, ADMIN_STAFF);
    private static final Set<String> DIRECTION = Set.of(DIRECTOR, QUALITY_COORDINATOR);
    private static final Set<String> DECIDERS = Set.of(DIRECTOR, QUALITY_OFFICER);

    /** Action → the roles that may take it. Step names are those of the REST contract. */
    public static final Map<String, Set<String>> ACTIONS = Map.ofEntries(
            Map.entry("intake", SCHOOL_STAFF),
            Map.entry("acknowledgement", SCHOOL_STAFF),
            Map.entry("review", DIRECTION),
            Map.entry("answer-draft", SCHOOL_STAFF),
            Map.entry("answer-review", DIRECTION),
            Map.entry("guardians-informed", SCHOOL_STAFF),
            Map.entry("guardian-inspection", SCHOOL_STAFF),
            Map.entry("shares", SCHOOL_STAFF),
            Map.entry("delivery-confirmation", SCHOOL_STAFF),
            Map.entry("other-guardian-notices", SCHOOL_STAFF),
            Map.entry("corrections", SCHOOL_STAFF),
            Map.entry("correction-decision", DIRECTION),
            Map.entry("statements", SCHOOL_STAFF),
            Map.entry("warm-handover", SCHOOL_STAFF),
            Map.entry("guardians", DIRECTION),
            Map.entry("letters", SCHOOL_STAFF),
            Map.entry("access-copies", SCHOOL_STAFF),
            Map.entry("next-school-contact", DIRECTION),
            Map.entry("refusal", DECIDERS),
            Map.entry("research-decision", DECIDERS),
            Map.entry("consultations", DIRECTION),
            Map.entry("consultations/answer", Set.of(QUALITY_OFFICER, SAFEGUARDING_OFFICER)),
            Map.entry("withdrawal", SCHOOL_STAFF),
            Map.entry("closure", SCHOOL_STAFF),
            Map.entry("consent/requests", SCHOOL_STAFF),
            Map.entry("consent/grants", SCHOOL_STAFF),
            Map.entry("consent/refusals", SCHOOL_STAFF),
            Map.entry("consent/withdrawals", SCHOOL_STAFF),
            Map.entry("consent/exemptions", DECIDERS),
            Map.entry("deadline/extensions", Set.of(PRIVACY_OFFICER)),
            Map.entry("worklist", Set.of(DIRECTOR, QUALITY_COORDINATOR, ADMIN_STAFF, QUALITY_OFFICER, PRIVACY_OFFICER)),
            Map.entry("register", Set.of(DIRECTOR, QUALITY_COORDINATOR, QUALITY_OFFICER, PRIVACY_OFFICER)));

    private Permissions() {
    }

    public static boolean may(Set<String> roles, String action) {
        Set<String> allowed = ACTIONS.get(action);
        return allowed != null && roles.stream().anyMatch(allowed::contains);
    }
}
