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
    /**
     * Every kind the manifests hold, with the API version that serves it today: Kubernetes, Strimzi 1.0
     * ({@code kafka.strimzi.io/v1}; v1beta2 is gone), CloudNativePG and its Barman Cloud plugin, the Prometheus Operator.
     */
    static final Map<String, String> API_VERSIONS = Map.ofEntries(Map.entry("Namespace", "v1"),
            Map.entry("ConfigMap", "v1"), Map.entry("Service", "v1"), Map.entry("ServiceAccount", "v1"),
            Map.entry("Deployment", "apps/v1"), Map.entry("NetworkPolicy", "networking.k8s.io/v1"),
            Map.entry("PodDisruptionBudget", "policy/v1"), Map.entry("Kafka", "kafka.strimzi.io/v1"),
            Map.entry("KafkaNodePool", "kafka.strimzi.io/v1"), Map.entry("KafkaTopic", "kafka.strimzi.io/v1"),
            Map.entry("KafkaUser", "kafka.strimzi.io/v1"), Map.entry("Cluster", "postgresql.cnpg.io/v1"),
            Map.entry("Database", "postgresql.cnpg.io/v1"), Map.entry("ScheduledBackup", "postgresql.cnpg.io/v1"),
            Map.entry("ObjectStore", "barmancloud.cnpg.io/v1"), Map.entry("ServiceMonitor", "monitoring.coreos.com/v1"));
    static final Set<String> KINDS = API_VERSIONS.keySet();

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
            assertTrue(String.valueOf((Object) at(service, "healthcheck", "test")).contains("localhost:9000/q/health/ready"),
                    s + ": health on the management port");
            assertEquals("service_healthy", at(service, "depends_on", "kafka", "condition"), s);
            assertEquals("service_healthy", at(service, "depends_on", "postgres", "condition"), s);
            assertEquals("service_completed_successfully", at(service, "depends_on", "kafka-topics", "condition"),
                    s + " starts once the topics are made");
            Map<String, Object> env = at(service, "environment");
            for (String key : List.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_REACTIVE_URL",
                    "QUARKUS_DATASOURCE_JDBC_URL", "DB_USER", "DB_PASSWORD")) {
                assertTrue(env.containsKey(key), s + " " + key);
            }
            assertTrue(String.valueOf(env.get("DB_PASSWORD")).startsWith("${"), "a password comes from the environment");
        }
    }

    /**
     * Compose makes the topics Kubernetes declares, with their partitions, retention and clean-up policy — not the
     * broker's defaults (a week's retention would drop events the register is rebuilt from, and the request keys).
     */
    @Test
    @SuppressWarnings("unchecked")
    void dockerComposeMakesEveryTopicAsKubernetesDeclaresIt() throws IOException {
        String command = String.valueOf(((List<Object>) at(documents(ROOT.resolve("docker-compose.yml")).get(0),
                "services", "kafka-topics", "command")).get(0));
        List<String> lines = command.lines().map(String::trim).filter(l -> l.startsWith("create ")).toList();
        List<Map<String, Object>> topics = documents(K8S.resolve("kafka-topics.yaml")).stream()
                .filter(d -> "KafkaTopic".equals(d.get("kind"))).toList();
        assertEquals(topics.size(), lines.size(), "one line per topic: " + lines);
        for (Map<String, Object> topic : topics) {
            String name = at(topic, "metadata", "name");
            String line = lines.stream().filter(l -> l.startsWith("create " + name + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " is not made by compose"));
            List<String> words = List.of(line.split(" "));
            assertEquals(String.valueOf((Object) at(topic, "spec", "partitions")), words.get(2), name + " partitions");
            Map<String, Object> config = at(topic, "spec", "config");
            for (String key : List.of("cleanup.policy", "retention.ms", "delete.retention.ms", "max.compaction.lag.ms",
                    "segment.ms")) {
                if (config.containsKey(key)) {
                    assertTrue(words.contains(key + "=" + config.get(key)), name + " " + key + ": " + line);
                }
            }
        }
    }

    /** One PostgreSQL major version everywhere: the root pom's postgres.major (the tests' and local run's binaries). */
    @Test
    void composeAndKubernetesRunThePostgresMajorVersionOfTheTests() throws IOException {
        java.util.regex.Matcher major = java.util.regex.Pattern.compile("<postgres.major>(\\d+)</postgres.major>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(major.find(), "postgres.major in the root pom");
        String version = major.group(1);
        assertTrue(Files.readString(ROOT.resolve("pom.xml")).contains("<postgres.binaries.version>" + version + "."),
                "the embedded binaries are PostgreSQL " + version);
        assertEquals("postgres:" + version, at(documents(ROOT.resolve("docker-compose.yml")).get(0), "services",
                "postgres", "image"));
        Map<String, Object> cluster = documents(K8S.resolve("postgres.yaml")).stream()
                .filter(d -> "Cluster".equals(d.get("kind"))).findFirst().orElseThrow();
        String image = at(cluster, "spec", "imageName");
        assertTrue(image.startsWith("ghcr.io/cloudnative-pg/postgresql:" + version + "."), image);
    }

    /**
     * Compose runs the production profile on this machine only: every published port on 127.0.0.1, no password with
     * a default (a variable without one stops compose), the Kafka UI only when asked for.
     */
    @Test
    @SuppressWarnings("unchecked")
    void dockerComposeBindsToLoopback_hasNoDefaultPasswords_andTheKafkaUiIsOptional() throws IOException {
        String text = Files.readString(ROOT.resolve("docker-compose.yml"));
        Map<String, Map<String, Object>> services = at(documents(ROOT.resolve("docker-compose.yml")).get(0), "services");
        services.forEach((name, service) -> {
            for (Object port : (List<Object>) service.getOrDefault("ports", List.of())) {
                assertTrue(String.valueOf(port).startsWith("127.0.0.1:"), name + " publishes " + port + " beyond loopback");
            }
            Object environment = service.get("environment");
            if (environment instanceof Map<?, ?> env) {
                env.forEach((k, v) -> {
                    if (String.valueOf(k).matches(".*(PASSWORD|SECRET).*")) {
                        assertTrue(String.valueOf(v).matches("\\$\\{[A-Z_]+:\\?.*}"),
                                name + " " + k + " must come from the environment, without a default: " + v);
                    }
                });
                if (!"kafka-ui".equals(name) && env.containsKey("QUARKUS_PROFILE")) {
                    assertEquals("prod", env.get("QUARKUS_PROFILE"), name);
                }
            }
        });
        assertEquals(List.of("tools"), services.get("kafka-ui").get("profiles"), "the Kafka UI on request");
        assertFalse(text.contains(":-postgres") || text.contains("admin-lokaal"), "no default password left");
        assertTrue(Files.exists(ROOT.resolve("deploy/docker-compose/env.example")), "the variables to set are listed");
    }

    @Test
    void dockerComposeRunsTheStaffPageAgainstKeycloakAndTheFourServices() throws IOException {
        Map<String, Object> staffWeb = at(documents(ROOT.resolve("docker-compose.yml")).get(0), "services",
                "staff-web");
        assertNotNull(staffWeb, "staff-web in docker-compose.yml");
        assertEquals(List.of("127.0.0.1:8080:8080"), at(staffWeb, "ports"));
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
            // The generator lists envFrom, env and ports in no fixed order; which entries there are is what matters.
            List<Map<String, Object>> containers = at(doc, "spec", "template", "spec", "containers");
            if (containers != null) {
                for (Map<String, Object> container : containers) {
                    for (String unordered : List.of("envFrom", "env", "ports")) {
                        if (container.get(unordered) instanceof List<?> entries) {
                            List<Object> sorted = new ArrayList<>(entries);
                            sorted.sort(Comparator.comparing(String::valueOf));
                            container.put(unordered, sorted);
                        }
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
                assertEquals(API_VERSIONS.get(kind), doc.get("apiVersion"), file + ": " + kind + "'s served API version");
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
            // Health, metrics and OpenAPI on the management port only; the Service publishes the public port alone.
            assertEquals(9000, (Integer) at(container, "livenessProbe", "httpGet", "port"), s);
            assertEquals(9000, (Integer) at(container, "readinessProbe", "httpGet", "port"), s);
            Map<String, Object> service = documents(K8S.resolve(s).resolve("kubernetes.yml")).stream()
                    .filter(d -> "Service".equals(d.get("kind"))).findFirst().orElseThrow(() -> new AssertionError(s));
            String published = String.valueOf(value(service, "spec", "ports"));
            assertFalse(published.contains("9000"), s + " publishes its management port: " + published);
            assertNotNull(at(container, "resources", "limits", "memory"), s);
            assertNotNull(at(container, "resources", "requests", "cpu"), s);
            String envFrom = String.valueOf(container.get("envFrom"));
            assertTrue(envFrom.contains(s + "-config"), s + " ConfigMap");
            assertTrue(envFrom.contains(s + "-config-creds"), s + " Secret");
            assertEquals(2, (Integer) at(deployment, "spec", "replicas"), s);
        }
    }

    /**
     * A Deployment as {@code kubectl apply -k} renders it: the kustomization's JSON patches applied to the generated
     * manifest (only the {@code add} operations it uses, to the Deployments its label selector picks).
     */
    /** A value of a parsed document, not typed (for assertions and text). */
    static Object value(Object node, String... path) {
        return at(node, path);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> rendered(String app) throws IOException {
        Map<String, Object> deployment = documents(K8S.resolve(app).resolve("kubernetes.yml")).stream()
                .filter(d -> "Deployment".equals(d.get("kind"))).findFirst().orElseThrow();
        Map<String, Object> kustomization = documents(K8S.resolve("kustomization.yaml")).get(0);
        for (Map<String, Object> patch : at(kustomization, "patches") == null ? List.<Map<String, Object>>of()
                : (List<Map<String, Object>>) at(kustomization, "patches")) {
            String[] selector = String.valueOf(value(patch, "target", "labelSelector")).split("=");
            if (!"Deployment".equals(at(patch, "target", "kind"))
                    || !selector[1].equals(at(deployment, "metadata", "labels", selector[0]))) {
                continue;
            }
            for (Object op : (List<Object>) yaml().load((String) patch.get("patch"))) {
                Map<String, Object> o = (Map<String, Object>) op;
                assertEquals("add", o.get("op"), "only add is rendered here");
                String[] path = ((String) o.get("path")).substring(1).split("/");
                Object parent = at(deployment, Arrays.copyOf(path, path.length - 1));
                assertNotNull(parent, app + ": " + o.get("path"));
                if (parent instanceof List<?> list) {
                    ((List<Object>) list).add(o.get("value"));
                } else {
                    ((Map<String, Object>) parent).put(path[path.length - 1], o.get("value"));
                }
            }
        }
        return deployment;
    }

    @Test
    void everyRenderedDeploymentMeetsTheRestrictedPodSecurityProfile() throws IOException {
        assertEquals("restricted", value(documents(K8S.resolve("namespace.yaml")).get(0), "metadata", "labels",
                "pod-security.kubernetes.io/enforce"), "the namespace enforces it");
        for (String app : APPS) {
            Map<String, Object> pod = at(rendered(app), "spec", "template", "spec");
            assertEquals(Boolean.FALSE, pod.get("automountServiceAccountToken"), app);
            assertEquals(Boolean.TRUE, value(pod, "securityContext", "runAsNonRoot"), app);
            assertEquals("RuntimeDefault", value(pod, "securityContext", "seccompProfile", "type"), app);
            Map<String, Object> container = at(pod, "containers", "0");
            assertEquals(Boolean.FALSE, value(container, "securityContext", "allowPrivilegeEscalation"), app);
            assertEquals(Boolean.TRUE, value(container, "securityContext", "readOnlyRootFilesystem"), app);
            assertEquals(List.of("ALL"), value(container, "securityContext", "capabilities", "drop"), app);
            assertTrue(String.valueOf(container.get("volumeMounts")).contains("mountPath=/tmp"),
                    app + ": a writable /tmp on a read-only root");
            assertTrue(String.valueOf(pod.get("volumes")).contains("emptyDir"), app);
        }
    }

    @Test
    void networkPoliciesDenyEverythingButTheProductsOwnFlows() throws IOException {
        List<Map<String, Object>> policies = documents(K8S.resolve("network-policies.yaml"));
        Map<String, Object> deny = policies.stream().filter(p -> "default-deny".equals(at(p, "metadata", "name")))
                .findFirst().orElseThrow();
        assertEquals("pupil-data", value(deny, "spec", "podSelector", "matchLabels", "app.kubernetes.io/part-of"));
        assertEquals(List.of("Ingress", "Egress"), value(deny, "spec", "policyTypes"));
        assertNull(value(deny, "spec", "ingress"), "allows nothing");
        assertNull(value(deny, "spec", "egress"), "allows nothing");
        for (String app : APPS) {
            Map<String, Object> own = policies.stream().filter(p -> app.equals(at(p, "spec", "podSelector",
                    "matchLabels", "app.kubernetes.io/name"))).findFirst().orElseThrow(() -> new AssertionError(app));
            String egress = String.valueOf(value(own, "spec", "egress"));
            List<Map<String, Object>> ingress = at(own, "spec", "ingress");
            for (Map<String, Object> rule : ingress) {
                String from = String.valueOf(rule.get("from"));
                String ports = String.valueOf(rule.get("ports"));
                assertEquals(from.contains("metadata.name=monitoring"), ports.contains("port=9000"),
                        app + ": Prometheus reaches the management port and nothing else does: " + rule);
                if (from.contains("metadata.name=monitoring")) {
                    assertEquals("[{protocol=TCP, port=9000}]", ports, app + ": Prometheus reaches no other port");
                }
            }
            if (SERVICES.contains(app)) {
                assertTrue(egress.contains("cnpg.io/cluster=pupil-data-pg") && egress.contains("port=5432"), app);
                assertTrue(egress.contains("strimzi.io/cluster=pupil-data") && egress.contains("port=9093"), app);
                assertFalse(egress.contains("port=9092"), app + ": never Kafka's plaintext port");
            } else {
                SERVICES.forEach(svc -> assertTrue(egress.contains("app.kubernetes.io/name=" + svc), app + " -> " + svc));
                assertFalse(egress.contains("5432") || egress.contains("9093"), "the staff page has no data of its own");
            }
        }
    }

    /** The Grafana dashboard queries only metrics the services register, and each panel says what it shows. */
    @Test
    @SuppressWarnings("unchecked")
    void theGrafanaDashboardQueriesMetricsTheServicesRegister() throws IOException {
        Map<String, Object> dashboard = documents(Path.of("grafana", "pupil-data-dashboard.json")).get(0);
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/")
                    && !f.toString().contains("/target/")).toList()) {
                sources.append(Files.readString(f));
            }
        }
        Set<String> queried = new TreeSet<>();
        List<Map<String, Object>> panels = (List<Map<String, Object>>) dashboard.get("panels");
        for (Map<String, Object> panel : panels) {
            if ("row".equals(panel.get("type"))) {
                continue;
            }
            assertFalse(String.valueOf(panel.get("description")).isBlank(), panel.get("title") + " says what it shows");
            for (Map<String, Object> target : (List<Map<String, Object>>) panel.get("targets")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("pupil_data_[a-z_]+")
                        .matcher(String.valueOf(target.get("expr")));
                while (m.find()) {
                    queried.add(m.group());
                }
            }
        }
        for (String metric : List.of("pupil_data_terms_missed_total", "pupil_data_terms_due_soon_total",
                "pupil_data_rules_refused_total", "pupil_data_consents_lapsed_total", "pupil_data_consumer_lag",
                "pupil_data_outbox_backlog", "pupil_data_dead_lettered_messages_total")) {
            assertTrue(queried.contains(metric), "the dashboard shows " + metric);
        }
        queried.forEach(metric -> assertTrue(sources.indexOf("\"" + metric + "\"") >= 0,
                metric + " is registered by a service"));
    }

    /** The register is a legal record: WAL archived and a nightly base backup, with the credentials in a Secret. */
    @Test
    @SuppressWarnings("unchecked")
    void thePostgresClusterIsBackedUpNightlyWithItsWal() throws IOException {
        Map<String, Object> cluster = documents(K8S.resolve("postgres.yaml")).stream()
                .filter(d -> "Cluster".equals(d.get("kind"))).findFirst().orElseThrow();
        Map<String, Object> archiver = ((List<Map<String, Object>>) at(cluster, "spec", "plugins")).get(0);
        assertEquals(Boolean.TRUE, archiver.get("isWALArchiver"));
        List<Map<String, Object>> backups = documents(K8S.resolve("backups.yaml"));
        Map<String, Object> store = backups.stream().filter(d -> "ObjectStore".equals(d.get("kind"))).findFirst()
                .orElseThrow();
        assertEquals(at(store, "metadata", "name"), value(archiver, "parameters", "barmanObjectName"));
        assertEquals("pupil-data-backup-s3", value(store, "spec", "configuration", "s3Credentials", "accessKeyId", "name"),
                "the object store's keys come from a Secret");
        Map<String, Object> nightly = backups.stream().filter(d -> "ScheduledBackup".equals(d.get("kind"))).findFirst()
                .orElseThrow();
        assertEquals(at(cluster, "metadata", "name"), value(nightly, "spec", "cluster", "name"));
        assertEquals("plugin", value(nightly, "spec", "method"));
        assertEquals(6, String.valueOf(value(nightly, "spec", "schedule")).split(" ").length, "CloudNativePG's cron");
    }

    @Test
    void everyPartHasAPodDisruptionBudget() throws IOException {
        List<Map<String, Object>> budgets = documents(K8S.resolve("pod-disruption-budgets.yaml"));
        for (String app : APPS) {
            Map<String, Object> budget = budgets.stream().filter(b -> app.equals(at(b, "spec", "selector",
                    "matchLabels", "app.kubernetes.io/name"))).findFirst().orElseThrow(() -> new AssertionError(app));
            assertEquals(1, (Integer) at(budget, "spec", "minAvailable"), app);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafkaIsTlsWithScram_andEachServiceMayWriteOnlyItsOwnTopic() throws IOException {
        // Every service reads the request keys (issue 19); the topic is compacted, so an erased key goes from Kafka.
        Map<String, Object> keys = documents(K8S.resolve("kafka-topics.yaml")).stream()
                .filter(d -> "pupil-data.keys".equals(at(d, "metadata", "name"))).findFirst().orElseThrow();
        assertEquals("compact", value(keys, "spec", "config", "cleanup.policy"));
        Map<String, Object> kafka = documents(K8S.resolve("kafka.yaml")).stream()
                .filter(d -> "Kafka".equals(d.get("kind"))).findFirst().orElseThrow();
        List<Map<String, Object>> listeners = at(kafka, "spec", "kafka", "listeners");
        assertFalse(listeners.isEmpty());
        listeners.forEach(l -> {
            assertEquals(Boolean.TRUE, l.get("tls"), "every listener is TLS");
            assertEquals("scram-sha-512", value(l, "authentication", "type"), "every listener authenticates");
        });
        assertEquals("simple", value(kafka, "spec", "kafka", "authorization", "type"), "ACLs are enforced");
        Map<String, String> ownTopic = Map.of("request-service", "pupil-data.requests", "consent-service",
                "pupil-data.consents", "deadline-service", "pupil-data.deadlines");
        List<Map<String, Object>> users = documents(K8S.resolve("kafka-users.yaml"));
        for (String svc : SERVICES) {
            Map<String, Object> user = users.stream().filter(u -> svc.equals(at(u, "metadata", "name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(svc));
            Set<String> writes = new TreeSet<>();
            for (Map<String, Object> acl : (List<Map<String, Object>>) at(user, "spec", "authorization", "acls")) {
                if ("topic".equals(at(acl, "resource", "type"))
                        && ((List<String>) acl.get("operations")).contains("Write")) {
                    writes.add(at(acl, "resource", "name"));
                    assertEquals("literal", value(acl, "resource", "patternType"), svc + ": no wildcard writes");
                }
            }
            Set<String> expected = new TreeSet<>(Set.of("pupil-data.dead-letter"));
            if (ownTopic.containsKey(svc)) {
                expected.add(ownTopic.get(svc));
            }
            if (svc.equals("request-service")) {
                expected.add("pupil-data.keys"); // issue 19: it issues the request keys, nobody else may
            }
            assertEquals(expected, writes, svc + " writes only its own topic and the dead-letter topic");
            Map<String, Object> config = at(documents(K8S.resolve(svc).resolve("config.yaml")).get(0), "data");
            assertEquals("SASL_SSL", config.get("KAFKA_SECURITY_PROTOCOL"), svc);
            assertEquals("SCRAM-SHA-512", config.get("KAFKA_SASL_MECHANISM"), svc);
            String env = String.valueOf(value(rendered(svc), "spec", "template", "spec", "containers", "0", "env"));
            assertTrue(env.contains("KAFKA_SASL_JAAS_CONFIG") && env.contains("name=" + svc), svc + ": its own user");
            assertTrue(env.contains("KAFKA_SSL_TRUSTSTORE_PASSWORD"), svc);
        }
        for (String file : List.of("kafka.yaml", "kafka-topics.yaml", "kafka-users.yaml")) {
            documents(K8S.resolve(file)).forEach(d -> assertEquals("kafka.strimzi.io/v1", d.get("apiVersion"),
                    file + ": Strimzi 1.0's API"));
        }
    }

    @Test
    void postgresIsReachedOverTls_verifyingTheServerAgainstTheOperatorsCa() throws IOException {
        for (String svc : SERVICES) {
            Map<String, Object> config = at(documents(K8S.resolve(svc).resolve("config.yaml")).get(0), "data");
            assertTrue(String.valueOf(config.get("QUARKUS_DATASOURCE_JDBC_URL")).contains("sslmode=verify-full"), svc);
            assertTrue(String.valueOf(config.get("QUARKUS_DATASOURCE_REACTIVE_URL")).contains("sslmode=verify-full"),
                    svc);
            assertEquals("HTTPS", config.get("QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM"), svc);
            String mounts = String.valueOf(value(rendered(svc), "spec", "template", "spec", "containers", "0",
                    "volumeMounts"));
            assertTrue(mounts.contains("mountPath=/etc/postgres-ca"), svc + ": the operator's CA is mounted");
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
