package nl.pupildata.rules;

import java.util.Set;

/** The roles the card names, as the {@code groups} claim carries them: the services and the staff page use these. */
public final class Roles {
    public static final String DIRECTOR = "DIRECTOR";
    public static final String QUALITY_COORDINATOR = "QUALITY_COORDINATOR";
    public static final String ADMIN_STAFF = "ADMIN_STAFF";
    public static final String QUALITY_OFFICER = "QUALITY_OFFICER";
    public static final String PRIVACY_OFFICER = "PRIVACY_OFFICER";
    public static final String SAFEGUARDING_OFFICER = "SAFEGUARDING_OFFICER";

    /** Board-level roles that see every school. */
    public static final Set<String> BOARD_WIDE = Set.of(QUALITY_OFFICER, PRIVACY_OFFICER);

    private Roles() {
    }
}
