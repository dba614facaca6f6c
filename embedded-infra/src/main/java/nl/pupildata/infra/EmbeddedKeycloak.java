package nl.pupildata.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak from its distribution on Maven Central ({@code org.keycloak:keycloak-quarkus-dist}, unpacked by
 * this module's build into {@code embedded-infra/target/keycloak}), started with {@code kc.sh start-dev} on a loopback
 * port with the realm kept in the repository ({@code deploy/keycloak/pupil-data-realm.json}) imported into an
 * in-memory database: every start begins from the realm as the repository has it.
 */
public final class EmbeddedKeycloak implements AutoCloseable {

    public static final String REALM = "pupil-data";
    /** The audience the services require in every token. */
    public static final String AUDIENCE = "pupil-data-api";
    /** The public client for scripts and tests (password grant, local demo users only). */
    public static final String SCRIPTS_CLIENT = "pupil-data-scripts";
    /** The demo users' password: local only, in the README and the realm file. */
    public static final String DEMO_PASSWORD = "demo-lokaal";
    /** The staff page's client secret in the realm file: for a local run only (docs/security.md). */
    public static final String STAFF_WEB_LOCAL_SECRET = "staff-web-local-only";
    /** Keycloak's own admin account of a local run: local only. */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-lokaal";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(4);

    /** Null for a Keycloak this object did not start ({@link #attach}). */
    private final Process process;
    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    private record CachedToken(String token, long fetchedAt) {
    }

    private EmbeddedKeycloak(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** A Keycloak that already runs at {@code url} with the pupil-data realm (started by someone else). */
    public static EmbeddedKeycloak attach(String url) {
        return new EmbeddedKeycloak(null, url.replaceAll("/+$", ""));
    }

    /** The unpacked distribution under the project root. */
    public static Path distribution(Path root) {
        Path unpacked = root.resolve("embedded-infra/target/keycloak");
        try (Stream<Path> dirs = Files.list(unpacked)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-")
                    && Files.isRegularFile(d.resolve("bin/kc.sh"))).findFirst().orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Keycloak is not unpacked in " + unpacked
                    + ": build first (./mvnw install -DskipTests)", e);
        }
    }

    public static Path realmFile(Path root) {
        return root.resolve("deploy/keycloak/pupil-data-realm.json");
    }

    /**
     * Starts Keycloak (port 0 picks a free one) with the realm imported; returns once it runs. Its output goes to
     * {@code log}.
     */
    public static EmbeddedKeycloak start(Path root, int port, Path log) throws IOException {
        Path home = distribution(root);
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(realmFile(root), imports.resolve("pupil-data-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        int chosen = port == 0 ? FreePort.find() : port;
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + chosen, "--http-host=127.0.0.1", "--hostname=http://localhost:" + chosen,
                "--db=dev-mem", "--import-realm")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return new EmbeddedKeycloak(builder.start(), "http://localhost:" + chosen);
    }

    /** Waits until the realm answers (the first start also builds Keycloak's configuration: up to a minute). */
    public EmbeddedKeycloak awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI wellKnown = URI.create(issuer() + "/.well-known/openid-configuration");
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped (exit " + process.exitValue() + ")");
            }
            try {
                if (http.send(HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Keycloak did not become ready within " + timeout);
    }

    /** The process, when this object started Keycloak. */
    public java.util.Optional<Process> process() {
        return java.util.Optional.ofNullable(process);
    }

    public String url() {
        return url;
    }

    /** The issuer of the realm's tokens; the services accept no other. */
    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    /** Where the services fetch the realm's signing keys. */
    public String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /**
     * An access token of a demo user (password grant of the scripts client), reused for a few minutes: the
     * services accept a token for as long as Keycloak's lifespan and their own maximum age allow. One sign-in at a
     * time: when the token of many client threads ran out together, each signed in at once, and the realm's
     * brute-force detection took the burst for an attack and disabled the user for a while
     * ({@code user_temporarily_disabled}; 31 failed intakes in a benchmark at 32 clients).
     */
    public synchronized String token(String username) {
        CachedToken cached = tokens.get(username);
        if (cached != null && System.nanoTime() - cached.fetchedAt() < TOKEN_REUSE.toNanos()) {
            return cached.token();
        }
        String token = passwordGrant(url(), username, DEMO_PASSWORD);
        tokens.put(username, new CachedToken(token, System.nanoTime()));
        return token;
    }

    /** The password grant against a realm at {@code keycloakUrl}: what {@code scripts/token} does. */
    public static String passwordGrant(String keycloakUrl, String username, String password) {
        String form = Map.of("grant_type", "password", "client_id", SCRIPTS_CLIENT, "username", username,
                "password", password).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/" + REALM
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("Keycloak gave no token for " + username + " (HTTP "
                        + response.statusCode() + ")");
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + keycloakUrl + " is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds a user to the realm through Keycloak's admin API, with one realm role and these schools (none for a
     * board-wide role, or to try a school role without any); password {@link #DEMO_PASSWORD}. For tests.
     */
    public void createUser(String username, String role, List<String> schools) {
        String admin = adminToken();
        String schoolsJson = schools.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","));
        String user = """
                {"username":"%s","enabled":true,"firstName":"Test","lastName":"%s","email":"%s@test.example",
                 "emailVerified":true,"attributes":{%s},
                 "credentials":[{"type":"password","value":"%s","temporary":false}]}"""
                .formatted(username, username, username, schools.isEmpty() ? "" : "\"schools\":[" + schoolsJson + "]",
                        DEMO_PASSWORD);
        String lookup = "/admin/realms/" + REALM + "/users?exact=true&username=" + username;
        // Kept between runs on the same data (the benchmark starts its stack twice): made once, its role added again.
        if (!Pattern.compile("\"id\"").matcher(send("GET", lookup, admin, null, 200)).find()) {
            send("POST", "/admin/realms/" + REALM + "/users", admin, user, 201);
        }
        String found = send("GET", lookup, admin, null, 200);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(found);
        if (!id.find()) {
            throw new IllegalStateException("user " + username + " not found after creating it");
        }
        String roleJson = send("GET", "/admin/realms/" + REALM + "/roles/" + role, admin, null, 200);
        send("POST", "/admin/realms/" + REALM + "/users/" + id.group(1) + "/role-mappings/realm", admin,
                "[" + roleJson + "]", 204);
    }

    /**
     * Lets the staff page at {@code webUrl} sign users in and out through the realm (the realm file names port 8080;
     * tests and a shifted local run use another): adds it to the client's redirect URIs through the admin API.
     */
    public void allowStaffWebAt(String webUrl) {
        String admin = adminToken();
        String clients = send("GET", "/admin/realms/" + REALM + "/clients?clientId=staff-web", admin, null, 200);
        try {
            ObjectNode client = (ObjectNode) JSON.readTree(clients).get(0);
            ArrayNode redirects = (ArrayNode) client.get("redirectUris");
            String pattern = webUrl + "/*";
            boolean known = false;
            for (var uri : redirects) {
                known |= uri.asText().equals(pattern);
            }
            if (known) {
                return;
            }
            redirects.add(pattern);
            ObjectNode attributes = (ObjectNode) client.get("attributes");
            attributes.put("post.logout.redirect.uris",
                    attributes.path("post.logout.redirect.uris").asText() + "##" + pattern);
            send("PUT", "/admin/realms/" + REALM + "/clients/" + client.get("id").asText(), admin,
                    JSON.writeValueAsString(client), 204);
        } catch (IOException e) {
            throw new IllegalStateException("unexpected client list from Keycloak: " + e.getMessage(), e);
        }
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=" + ADMIN + "&password=" + ADMIN_PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            Matcher m = ACCESS_TOKEN.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            if (!m.find()) {
                throw new IllegalStateException("no admin token from Keycloak");
            }
            return m.group(1);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String send(String method, String path, String bearer, String body, int expected) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + ": HTTP " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops Keycloak (kc.sh hands the signal to its JVM) and waits for it. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** No waiting (a second Ctrl-C). */
    public void stopNow() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
