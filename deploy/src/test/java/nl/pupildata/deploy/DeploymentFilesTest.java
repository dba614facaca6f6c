package nl.pupildata.deploy;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Parses docker-compose.yml, the Dockerfiles and every Kubernetes manifest, and checks what they promise. */
class DeploymentFilesTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path K8S = Path.of("k8s");
    static final List<String> SERVICES = List.of("request-service", "consent-service", "deadline-service",
            "register-service");
    /** Everything deployed from this repository: the four services and the staff web page. */
    static final List<String> APPS = List.of("request-service", "consent-service", "deadline-service",
            "register-service", "staff-web");
    static final Set<String> KINDS = Set.of("Namespace", "ConfigMap", "Service", "Deployment", "ServiceAccount",
            "KafkaTopic", "Cluster", "Database", "ServiceMonitor");

    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : yaml().loadAll(Files.readString(file))) {
            if (doc != null) {
                docs.add((Map<String, Object>) doc);
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (current instanceof Map<?, ?> m) {
                current = m.get(key);
            } else if (current instanceof List<?> l) {
                current = l.get(Integer.parseInt(key));
            } else {
                return null;
            }
        }
        return (T) current;
    }

    @Test
    @SuppressWarnings("unchecked")
    void dockerComposeStartsKafkaPostgresAUiAndTheFourServicesWithHealthChecks() throws IOException {
        Map<String, Object> compose = documents(ROOT.resolve("docker-compose.yml")).get(0);
        Map<String, Object> services = at(compose, "services");
        assertTrue(((String) at(services, "kafka", "image")).startsWith("apache/kafka:"), "the official Apache image");
        assertEquals("broker,controller", at(services, "kafka", "environment", "KAFKA_PROCESS_ROLES"), "KRaft");
        assertNotNull(at(services, "kafka", "healthcheck", "test"));
        assertNotNull(at(services, "postgres", "healthcheck", "test"));
        List<String> volumes = at(services, "postgres", "volumes");
        String init = volumes.get(0).split(":")[0];
        String script = Files.readString(ROOT.resolve(init));
        SERVICES.forEach(s -> assertTrue(script.contains("create database " + s.replace('-', '_')), s));
        assertNotNull(at(services, "kafka-ui", "image"));
        for (String s : SERVICES) {
            Map<String, Object> service = at(services, s);
            assertNotNull(service, s);
            Path context = ROOT.resolve((String) at(service, "build", "context"));
            assertTrue(Files.exists(context.resolve((String) at(service, "build", "dockerfile"))), s + " Dockerfile");
            assertNotNull(at(service, "healthcheck", "test"), s + " health check");
            assertTrue(String.valueOf((Object) at(service, "healthcheck", "test")).contains("/q/health/ready"));
            assertEquals("service_healthy", at(service, "depends_on", "kafka", "condition"), s);
            assertEquals("service_healthy", at(service, "depends_on", "postgres", "condition"), s);
            Map<String, Object> env = at(service, "environment");
            for (String key : List.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_REACTIVE_URL",
                    "QUARKUS_DATASOURCE_JDBC_URL", "DB_USER", "DB_PASSWORD")) {
                assertTrue(env.containsKey(key), s + " " + key);
            }
            assertTrue(String.valueOf(env.get("DB_PASSWORD")).startsWith("${"), "a password comes from the environment");
        }
    }

    @Test
    void dockerComposeRunsTheStaffPageAgainstKeycloakAndTheFourServices() throws IOException {
        Map<String, Object> staffWeb = at(documents(ROOT.resolve("docker-compose.yml")).get(0), "services",
                "staff-web");
        assertNotNull(staffWeb, "staff-web in docker-compose.yml");
        assertEquals(List.of("8080:8080"), at(staffWeb, "ports"));
        Map<String, Object> env = at(staffWeb, "environment");
        assertTrue(String.valueOf(env.get("OIDC_AUTH_SERVER_URL")).endsWith("/realms/pupil-data"));
        assertTrue(String.valueOf(env.get("OIDC_CLIENT_SECRET")).startsWith("${"), "the secret from the environment");
        for (String s : SERVICES) {
            String key = s.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
            assertTrue(String.valueOf(env.get(key)).startsWith("http://" + s + ":"), key);
            assertEquals("service_healthy", at(staffWeb, "depends_on", s, "condition"), s);
        }
        assertEquals("service_healthy", at(staffWeb, "depends_on", "keycloak", "condition"));
        List<String> kafkaUiPorts = at(documents(ROOT.resolve("docker-compose.yml")).get(0), "services", "kafka-ui",
                "ports");
        assertFalse(kafkaUiPorts.stream().anyMatch(p -> p.startsWith("8080:")), "the Kafka UI leaves 8080 to the page");
    }

    /** Where and from which commit a build was made is stamped into the generated files; not a difference. */
    static final List<String> BUILD_STAMPS = List.of("app.quarkus.io/commit-id", "app.quarkus.io/vcs-uri",
            "app.quarkus.io/vcs-ref", "app.quarkus.io/build-timestamp");

    static List<Map<String, Object>> withoutCommitId(List<Map<String, Object>> docs) {
        for (Map<String, Object> doc : docs) {
            for (Map<String, Object> annotations : Arrays.asList(
                    DeploymentFilesTest.<Map<String, Object>>at(doc, "metadata", "annotations"),
                    DeploymentFilesTest.<Map<String, Object>>at(doc, "spec", "template", "metadata", "annotations"))) {
                if (annotations != null) {
                    BUILD_STAMPS.forEach(annotations::remove);
                }
            }
            // The generator lists envFrom in no fixed order; which sources there are is what matters.
            List<Map<String, Object>> containers = at(doc, "spec", "template", "spec", "containers");
            if (containers != null) {
                for (Map<String, Object> container : containers) {
                    if (container.get("envFrom") instanceof List<?> envFrom) {
                        List<Object> sorted = new ArrayList<>(envFrom);
                        sorted.sort(Comparator.comparing(String::valueOf));
                        container.put("envFrom", sorted);
                    }
                }
            }
        }
        return docs;
    }

    @Test
    void dockerfilesUseTheQuarkusLayoutAndBakeInNoSecret() throws IOException {
        for (String s : APPS) {
            String dockerfile = Files.readString(ROOT.resolve(s).resolve("src/main/docker/Dockerfile.jvm"));
            assertTrue(dockerfile.contains("FROM registry.access.redhat.com/ubi9/openjdk-21"), s);
            assertTrue(dockerfile.contains("target/quarkus-app/lib/"), s);
            assertTrue(dockerfile.contains("quarkus-run.jar"), s);
            assertFalse(dockerfile.toLowerCase(Locale.ROOT).matches("(?s).*env\\s+[^\\n]*(password|secret|private)[^\\n]*=.*"),
                    s + " bakes in a secret");
            assertFalse(dockerfile.contains("privateKey"), s);
        }
    }

    @Test
    void everyManifestParses_hasAKnownKind_andNoSecretValueIsInPlainText() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(K8S)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
        Map<String, Object> kustomization = documents(K8S.resolve("kustomization.yaml")).get(0);
        List<String> listed = at(kustomization, "resources");
        assertEquals(new TreeSet<>(files.stream().map(p -> K8S.relativize(p).toString()).toList()),
                new TreeSet<>(listed), "the kustomization lists every manifest");
        int documents = 0;
        for (Path file : files) {
            for (Map<String, Object> doc : documents(file)) {
                documents++;
                String kind = at(doc, "kind");
                assertTrue(KINDS.contains(kind), file + ": unexpected kind " + kind);
                assertNotEquals("Secret", kind, file + ": secrets are not kept in the repository");
                if ("ConfigMap".equals(kind)) {
                    Map<String, Object> data = at(doc, "data");
                    data.keySet().forEach(k -> assertFalse(k.toUpperCase(Locale.ROOT).matches(".*(PASSWORD|SECRET|TOKEN).*"),
                            file + ": " + k + " belongs in a Secret"));
                }
            }
        }
        assertTrue(documents >= 20, "manifests parsed: " + documents);
        assertTrue(Files.readString(K8S.resolve("kafka-topics.yaml")).contains("retention.ms: \"-1\""),
                "events never expire: the register is rebuilt from them");
    }

    @Test
    void eachServiceDeploymentHasProbesResourcesItsImageAndItsConfigMapAndSecret() throws IOException {
        for (String s : APPS) {
            Map<String, Object> deployment = documents(K8S.resolve(s).resolve("kubernetes.yml")).stream()
                    .filter(d -> "Deployment".equals(d.get("kind"))).findFirst().orElseThrow(() -> new AssertionError(s));
            Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", "0");
            assertTrue(String.valueOf(container.get("image")).endsWith("pupil-data/" + s + ":1.0.0"), s);
            assertEquals("/q/health/live", at(container, "livenessProbe", "httpGet", "path"), s);
            assertEquals("/q/health/ready", at(container, "readinessProbe", "httpGet", "path"), s);
            assertNotNull(at(container, "resources", "limits", "memory"), s);
            assertNotNull(at(container, "resources", "requests", "cpu"), s);
            String envFrom = String.valueOf(container.get("envFrom"));
            assertTrue(envFrom.contains(s + "-config"), s + " ConfigMap");
            assertTrue(envFrom.contains(s + "-config-creds"), s + " Secret");
            assertEquals(2, (Integer) at(deployment, "spec", "replicas"), s);
        }
    }

    @Test
    void theCommittedManifestsAreWhatQuarkusKubernetesGenerates() throws IOException {
        int compared = 0;
        for (String s : APPS) {
            Path generated = ROOT.resolve(s).resolve("target/kubernetes/kubernetes.yml");
            if (Files.exists(generated)) {
                assertEquals(withoutCommitId(documents(generated)),
                        withoutCommitId(documents(K8S.resolve(s).resolve("kubernetes.yml"))),
                        s + ": deploy/k8s is out of date; copy " + generated + " there");
                compared++;
            }
        }
        assertEquals(APPS.size(), compared, "every app was built before these checks (reactor order)");
    }
}
