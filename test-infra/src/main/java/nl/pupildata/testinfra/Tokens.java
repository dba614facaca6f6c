package nl.pupildata.testinfra;

import java.util.List;

/** Bearer headers for the services' own tests, signed with the test JVM's key ({@link TestTokens}). */
public final class Tokens {
    private Tokens() {
    }

    public static String bearer(String role, String... schools) {
        return "Bearer " + TestTokens.token(role, TestTokens.defaultUser(role, List.of(schools)), List.of(schools));
    }

    public static String bearerAs(String user, String role, String... schools) {
        return "Bearer " + TestTokens.token(role, user, List.of(schools));
    }

    public static String expired(String role, String... schools) {
        return "Bearer " + TestTokens.expired(role, TestTokens.defaultUser(role, List.of(schools)), List.of(schools));
    }

    public static String wronglySigned(String role, String... schools) {
        return "Bearer " + TestTokens.wronglySigned(role, TestTokens.defaultUser(role, List.of(schools)),
                List.of(schools));
    }
}
