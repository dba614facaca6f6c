package nl.pupildata.testinfra;

import java.util.List;
import nl.pupildata.infra.DevTokens;

/** Bearer headers for tests, signed with the development key. */
public final class Tokens {
    private Tokens() {
    }

    public static String bearer(String role, String... schools) {
        return "Bearer " + DevTokens.token(role, DevTokens.defaultUser(role, List.of(schools)), List.of(schools));
    }

    public static String bearerAs(String user, String role, String... schools) {
        return "Bearer " + DevTokens.token(role, user, List.of(schools));
    }

    public static String expired(String role, String... schools) {
        return "Bearer " + DevTokens.expiredToken(role, DevTokens.defaultUser(role, List.of(schools)), List.of(schools));
    }

    public static String wronglySigned(String role, String... schools) {
        return "Bearer " + DevTokens.wronglySignedToken(role, DevTokens.defaultUser(role, List.of(schools)),
                List.of(schools));
    }
}
