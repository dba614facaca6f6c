package nl.pupildata.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import nl.pupildata.infra.EmbeddedKeycloak;
import nl.pupildata.runner.LocalStack;
import nl.pupildata.testinfra.TestTokens;

/**
 * Tokens the running services must refuse although every claim is right (the issuer of the run's Keycloak, the
 * audience, a role, a school): signed with the key pair that was once committed to the repository for development
 * (its private half now lives only here, in test resources), or with a key nobody knows.
 */
final class ForgedTokens {

    private ForgedTokens() {
    }

    static String withOldDevelopmentKey(LocalStack stack, String role) {
        return TestTokens.sign(claims(stack, role), oldDevelopmentKey());
    }

    static String withUnknownKey(LocalStack stack, String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return TestTokens.sign(claims(stack, role), generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String claims(LocalStack stack, String role) {
        Instant now = Instant.now();
        return TestTokens.claims(stack.keycloak().issuer(), EmbeddedKeycloak.AUDIENCE, role, "forger",
                List.of("12AB"), now, now.plus(Duration.ofMinutes(5)));
    }

    private static PrivateKey oldDevelopmentKey() {
        try {
            String pem = Files.readString(SystemUnderTest.ROOT.resolve(
                    "system-tests/src/test/resources/old-development-key/privateKey.pem"), StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("the old development key is unreadable", e);
        }
    }
}
