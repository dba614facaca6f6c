package nl.pupildata.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Development tokens (RS256 JWT) that the local stack and the tests accept: signed with the development
 * key, which the services trust only in their dev and test profiles. Plain JDK, so that
 * {@code scripts/dev-token} can run this file directly without a build.
 */
public final class DevTokens {

    public static final String ISSUER = "https://pupil-data.dev/issuer";
    public static final String KEY_RESOURCE = "dev-jwt/privateKey.pem";

    private DevTokens() {
    }

    /** The fixed user name per role, e.g. {@code director@12AB}; board roles get {@code @board}. */
    public static String defaultUser(String role, List<String> schools) {
        String name = role.toLowerCase(Locale.ROOT).replace('_', '-');
        return name + "@" + (schools.isEmpty() ? "board" : schools.get(0));
    }

    public static String token(String role, String user, List<String> schools) {
        Instant now = Instant.now();
        return sign(claims(role, user, schools, now, now.plus(Duration.ofHours(8))), devKey());
    }

    /** A token that expired an hour ago. */
    public static String expiredToken(String role, String user, List<String> schools) {
        Instant now = Instant.now();
        return sign(claims(role, user, schools, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1))),
                devKey());
    }

    /** A well-formed token signed by a key nobody trusts. */
    public static String wronglySignedToken(String role, String user, List<String> schools) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            Instant now = Instant.now();
            return sign(claims(role, user, schools, now, now.plus(Duration.ofHours(1))),
                    generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String claims(String role, String user, List<String> schools, Instant issued, Instant expires) {
        String schoolList = schools.stream().map(s -> "\"" + json(s) + "\"").collect(Collectors.joining(","));
        return "{\"iss\":\"" + ISSUER + "\",\"jti\":\"" + UUID.randomUUID() + "\",\"sub\":\"" + json(user)
                + "\",\"upn\":\"" + json(user) + "\",\"groups\":[\"" + json(role) + "\"],\"schools\":[" + schoolList
                + "],\"iat\":" + issued.getEpochSecond() + ",\"exp\":" + expires.getEpochSecond() + "}";
    }

    private static String sign(String claims, PrivateKey key) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey devKey() {
        try {
            String pem;
            String file = System.getProperty("devtoken.key");
            if (file != null) {
                pem = Files.readString(Path.of(file));
            } else {
                try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream(KEY_RESOURCE)) {
                    if (in == null) {
                        throw new IllegalStateException("Development key " + KEY_RESOURCE + " not on the classpath");
                    }
                    pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the development key: " + e.getMessage(), e);
        }
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** {@code DevTokens ROLE [BRIN...] [--user NAME]}: prints a token for the local stack. */
    public static void main(String[] args) {
        List<String> schools = new ArrayList<>();
        String role = null;
        String user = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--user") && i + 1 < args.length) {
                user = args[++i];
            } else if (role == null) {
                role = args[i].toUpperCase(Locale.ROOT);
            } else {
                schools.add(args[i].toUpperCase(Locale.ROOT));
            }
        }
        List<String> roles = List.of("DIRECTOR", "QUALITY_COORDINATOR", "ADMIN_STAFF", "QUALITY_OFFICER",
                "PRIVACY_OFFICER", "SAFEGUARDING_OFFICER");
        if (role == null || !roles.contains(role)) {
            System.err.println("usage: scripts/dev-token ROLE [BRIN...] [--user NAME]");
            System.err.println("  ROLE: one of " + String.join(", ", roles));
            System.exit(2);
        }
        System.out.println(token(role, user != null ? user : defaultUser(role, schools), schools));
    }
}
