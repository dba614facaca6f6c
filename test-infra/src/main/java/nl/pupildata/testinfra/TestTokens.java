package nl.pupildata.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tokens for the services' own tests (QuarkusTest), signed with a key pair made in memory when the test JVM starts:
 * it exists nowhere else, and only the test configuration ({@link RealInfrastructure}) trusts it. System tests get
 * their tokens from the real Keycloak instead.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test/realms/pupil-data";
    public static final String AUDIENCE = "pupil-data-api";
    private static final KeyPair KEY = sharedKey();

    private TestTokens() {
    }

    /** The public half, as {@code mp.jwt.verify.publickey} takes it (base64 of its X.509 encoding). */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEY.getPublic().getEncoded());
    }

    /** The public half, as a PEM file in the test JVM's temporary folder (deleted when the JVM ends). */
    public static synchronized Path publicKeyFile() {
        try {
            Path file = Files.createTempFile("test-jwt-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(KEY.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixed user per role, e.g. {@code director@12AB}; board roles get {@code @board}. */
    public static String defaultUser(String role, List<String> schools) {
        String name = role.toLowerCase(Locale.ROOT).replace('_', '-');
        return name + "@" + (schools.isEmpty() ? "board" : schools.get(0));
    }

    public static String token(String role, String user, List<String> schools) {
        Instant now = Instant.now();
        return sign(claims(ISSUER, AUDIENCE, role, user, schools, now, now.plus(Duration.ofMinutes(10))),
                KEY.getPrivate());
    }

    /** Expired an hour ago. */
    public static String expired(String role, String user, List<String> schools) {
        Instant now = Instant.now();
        return sign(claims(ISSUER, AUDIENCE, role, user, schools, now.minus(Duration.ofHours(2)),
                now.minus(Duration.ofHours(1))), KEY.getPrivate());
    }

    /** Not expired, but issued longer ago than the services accept (their maximum age). */
    public static String tooOld(String role, String user, List<String> schools) {
        Instant now = Instant.now();
        return sign(claims(ISSUER, AUDIENCE, role, user, schools, now.minus(Duration.ofHours(3)),
                now.plus(Duration.ofHours(1))), KEY.getPrivate());
    }

    /** Signed with the trusted key, but naming another issuer. */
    public static String otherIssuer(String role, String user, List<String> schools) {
        Instant now = Instant.now();
        return sign(claims("https://other-issuer.test/realms/pupil-data", AUDIENCE, role, user, schools, now,
                now.plus(Duration.ofMinutes(10))), KEY.getPrivate());
    }

    /** Signed with the trusted key, but for another audience (another application of the same issuer). */
    public static String otherAudience(String role, String user, List<String> schools) {
        Instant now = Instant.now();
        return sign(claims(ISSUER, "some-other-app", role, user, schools, now, now.plus(Duration.ofMinutes(10))),
                KEY.getPrivate());
    }

    /** Unsigned: {@code alg: none}. */
    public static String unsigned(String role, String user, List<String> schools) {
        Instant now = Instant.now();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims(ISSUER, AUDIENCE, role, user, schools, now,
                        now.plus(Duration.ofMinutes(10))).getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** Well-formed, but signed by a key nobody trusts. */
    public static String wronglySigned(String role, String user, List<String> schools) {
        Instant now = Instant.now();
        return sign(claims(ISSUER, AUDIENCE, role, user, schools, now, now.plus(Duration.ofMinutes(10))),
                generate().getPrivate());
    }

    /** The claims of a token as an identity provider issues it: the user as {@code sub}, roles in {@code groups}. */
    public static String claims(String issuer, String audience, String role, String user, List<String> schools,
            Instant issued, Instant expires) {
        String schoolList = schools.stream().map(s -> "\"" + json(s) + "\"").collect(Collectors.joining(","));
        return "{\"iss\":\"" + json(issuer) + "\",\"aud\":\"" + json(audience) + "\",\"jti\":\"" + UUID.randomUUID()
                + "\",\"sub\":\"" + json(user) + "\",\"groups\":[\"" + json(role) + "\"],\"schools\":[" + schoolList
                + "],\"iat\":" + issued.getEpochSecond() + ",\"exp\":" + expires.getEpochSecond() + "}";
    }

    /** RS256 over the claims. */
    public static String sign(String claims, PrivateKey key) {
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

    /**
     * One key pair per test JVM, kept in a file named after the JVM's pid: Quarkus loads this class more than once (the
     * test and the application under test have class loaders of their own, and system properties set while the
     * application starts do not survive its start), and each copy must sign and verify with the same key.
     */
    private static KeyPair sharedKey() {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "pupil-data-test-jwt-" + ProcessHandle.current().pid());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            List<String> lines = Files.readAllLines(file);
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (lines.size() == 2) {
                return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(0)))),
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(1)))));
            }
            KeyPair made = generate();
            Files.writeString(file, Base64.getEncoder().encodeToString(made.getPublic().getEncoded()) + "\n"
                    + Base64.getEncoder().encodeToString(made.getPrivate().getEncoded()) + "\n");
            file.toFile().deleteOnExit();
            return made;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The test key pair could not be shared", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
