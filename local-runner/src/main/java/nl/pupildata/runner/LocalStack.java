package nl.pupildata.runner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import nl.pupildata.events.Topic;
import nl.pupildata.events.sealing.KeyRecords;
import nl.pupildata.infra.Durability;
import nl.pupildata.infra.EmbeddedKafka;
import nl.pupildata.infra.EmbeddedKeycloak;
import nl.pupildata.infra.EmbeddedPostgresServer;
import nl.pupildata.infra.FreePort;

/**
 * The whole system on one machine: a real Kafka broker (KRaft), a real PostgreSQL with a database per service,
 * a real Keycloak with the project's realm, and the four packaged services as their own processes, exactly as they run
 * in production (the production profile, trusting only that Keycloak). Used by {@code scripts/run-local} (through {@link LocalRun}), the benchmark and the
 * system tests.
 */
public final class LocalStack implements AutoCloseable {

    public static final List<String> SERVICES = List.of("request-service", "consent-service", "deadline-service",
            "register-service");
    /** The staff web page: started beside the services when the settings give it a port. */
    public static final String STAFF_WEB = "staff-web";
    /** Every packaged application of this repository. */
    public static final List<String> ALL_SERVICES = java.util.stream.Stream.concat(SERVICES.stream(),
            java.util.stream.Stream.of(STAFF_WEB)).toList();
    public static final String DEAD_LETTER_TOPIC = "pupil-data.dead-letter";
    /** Partitions per topic of a local run; a restore must create the topics alike, so keys land where they did. */
    static final int LOCAL_PARTITIONS = 12;

    /**
     * Where and how to run.
     *
     * @param kafkaPort, kafkaControllerPort, postgresPort, keycloakPort, servicePorts 0 picks a free port; a
     *     negative Keycloak port starts no Keycloak
     * @param keycloakUrl a Keycloak that already runs (with the pupil-data realm) to use instead of starting one; null
     *     to start one on {@code keycloakPort}
     * @param serviceProperties extra system properties for every service
     * @param runDir where the logs go
     * @param dataDir where PostgreSQL and Kafka keep their data between runs; null: temporary folders in runDir,
     *     deleted when the stack stops
     */
    public record Settings(Path root, int kafkaPort, int kafkaControllerPort, int postgresPort, int keycloakPort,
            Map<String, Integer> servicePorts, Map<String, String> serviceProperties, Path runDir, Path dataDir,
            Durability durability, int topicPartitions, String keycloakUrl) {

        /**
         * {@code scripts/run-local}: the documented ports (shifted by {@code portOffset}), data kept, durable; the
         * staff page on 8080 unless {@code staffWeb} is false.
         */
        public static Settings local(Path root, Path dataDir, int portOffset, boolean staffWeb) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (int i = 0; i < SERVICES.size(); i++) {
                ports.put(SERVICES.get(i), 8081 + i + portOffset);
            }
            if (staffWeb) {
                ports.put(STAFF_WEB, 8080 + portOffset);
            }
            return new Settings(root, 9092 + portOffset, 9093 + portOffset, 55432 + portOffset, 8180 + portOffset, ports,
                    Map.of(), root.resolve(".run"), dataDir, Durability.DURABLE, LOCAL_PARTITIONS, null);
        }

        /** Tests: free ports, temporary data, the fast settings. */
        public static Settings forTests(Path root, Path runDir, Map<String, String> serviceProperties) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            SERVICES.forEach(s -> ports.put(s, 0));
            return new Settings(root, 0, 0, 0, 0, ports, serviceProperties, runDir, null,
                    Durability.FAST_NOT_CRASH_SAFE, 3, null);
        }

        /** The staff web page too, on a free port (the browser tests). */
        public Settings withStaffWeb() {
            Map<String, Integer> ports = new LinkedHashMap<>(servicePorts);
            ports.putIfAbsent(STAFF_WEB, 0);
            return new Settings(root, kafkaPort, kafkaControllerPort, postgresPort, keycloakPort, ports,
                    serviceProperties, runDir, dataDir, durability, topicPartitions, keycloakUrl);
        }

        /** Kafka and PostgreSQL alone on kept data, on free ports (a restore rebuilds the topics with them). */
        public static Settings infrastructureOnly(Path root, Path dataDir) {
            return new Settings(root, 0, 0, 0, -1, Map.of(), Map.of(), root.resolve(".run"), dataDir,
                    Durability.DURABLE, LOCAL_PARTITIONS, null);
        }

        public Settings withServiceProperties(Map<String, String> properties) {
            return new Settings(root, kafkaPort, kafkaControllerPort, postgresPort, keycloakPort, servicePorts,
                    properties, runDir, dataDir, durability, topicPartitions, keycloakUrl);
        }

        /** Uses the Keycloak that runs at {@code url} instead of starting one. */
        public Settings withKeycloakAt(String url) {
            return new Settings(root, kafkaPort, kafkaControllerPort, postgresPort, -1, servicePorts,
                    serviceProperties, runDir, dataDir, durability, topicPartitions, url);
        }

        /** Every fixed port this run needs, by what uses it (none when all are chosen freely). */
        public Map<Integer, String> fixedPorts() {
            Map<Integer, String> fixed = new LinkedHashMap<>();
            if (postgresPort != 0) {
                fixed.put(postgresPort, "PostgreSQL");
            }
            if (kafkaPort != 0) {
                fixed.put(kafkaPort, "Kafka");
            }
            if (kafkaControllerPort != 0) {
                fixed.put(kafkaControllerPort, "Kafka's controller");
            }
            if (keycloakPort > 0) {
                fixed.put(keycloakPort, "Keycloak");
            }
            servicePorts.forEach((service, port) -> {
                if (port != 0) {
                    fixed.put(port, service);
                    fixed.put(managementPort(port), service + " (management: health, metrics, API docs)");
                }
            });
            return fixed;
        }
    }

    /**
     * A service's management interface (health, metrics, OpenAPI; docs/platform.md) on a fixed run: ten above its
     * own port (8091 for request-service on 8081).
     */
    static int managementPort(int servicePort) {
        return servicePort + 10;
    }

    /** System property: the services' JVM options (the benchmark lets the JIT compile fully). */
    public static final String JVM_OPTIONS = "pupil-data.service-jvm-options";
    /**
     * Small and quick to start: a laptop runs four of them next to Kafka and PostgreSQL. C1 alone, because on two
     * cores the full JIT's C2 compilations took the CPU the work needed for minutes and gave little back (measured
     * in docs/performance.md, "Start fast and run fast"); with the trained AOT cache a service is ready in about two
     * seconds here. Deployments (their own cores) keep the JDK's default JIT. The heap starts at 64 MB and grows as
     * the service needs (up to 256 MB): the JVM's default first heap here was the whole 256 MB, young generation
     * 77 MB, all of it touched under load, and an old generation of 171 MB holding 33 MB.
     */
    public static final String DEFAULT_JVM_OPTIONS = "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    /**
     * System property: the JDK's AOT cache of each service ({@code target/quarkus-app/app.aot}). {@code auto} (the
     * default) starts with the cache when there is one; {@code record} writes it when the service stops (a training
     * run); {@code off} runs without.
     */
    public static final String AOT = "pupil-data.aot";

    private final Settings settings;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private BiConsumer<String, Process> onServiceStarted = (service, process) -> {
    };
    private EmbeddedKafka kafka;
    private EmbeddedPostgresServer postgres;
    private EmbeddedKeycloak keycloak;
    /** Set by {@link #close}: a start still under way starts nothing more. */
    private volatile boolean closed;

    public LocalStack(Settings settings) {
        this.settings = settings;
    }

    /** Told of every service process as soon as it runs (the local run records them for a later cleanup). */
    public void onServiceStarted(BiConsumer<String, Process> listener) {
        this.onServiceStarted = listener;
    }

    /**
     * Keycloak (the slowest, started first and awaited last), PostgreSQL, Kafka, then the services, and the staff page
     * (which waits for Keycloak by itself) when it has a port.
     */
    public void start() throws Exception {
        startKeycloak();
        startInfrastructure();
        startServices();
        awaitKeycloak();
        awaitStaffWeb();
    }

    /** Starts Keycloak, unless the settings ask for none; {@link #awaitKeycloak} waits for it. */
    public void startKeycloak() throws IOException {
        if (settings.keycloakUrl() != null) {
            log("Using the Keycloak at " + settings.keycloakUrl());
            keycloak = EmbeddedKeycloak.attach(settings.keycloakUrl());
            return;
        }
        if (settings.keycloakPort() < 0) {
            return;
        }
        Path logs = Files.createDirectories(settings.runDir().resolve("logs"));
        log("Starting Keycloak …");
        keycloak = EmbeddedKeycloak.start(settings.root(), settings.keycloakPort(), logs.resolve("keycloak.log"));
        onServiceStarted.accept("keycloak", keycloak.process().orElseThrow());
    }

    public void awaitKeycloak() throws InterruptedException {
        if (keycloak != null) {
            long t0 = System.nanoTime();
            keycloak.awaitReady(Duration.ofSeconds(180));
            log(String.format("Keycloak is ready on %s (%.1f s more after the services)", keycloak.url(),
                    (System.nanoTime() - t0) / 1e9));
        }
    }

    /** PostgreSQL with a database per service, and Kafka with the topics. */
    public void startInfrastructure() throws IOException {
        Files.createDirectories(settings.runDir());
        boolean temporary = settings.dataDir() == null;
        Path pgDir = temporary ? Files.createTempDirectory(settings.runDir(), "pg-") : postgresDir(settings.dataDir());
        Path kafkaDir = temporary ? Files.createTempDirectory(settings.runDir(), "kafka-")
                : kafkaDir(settings.dataDir());
        log("Starting PostgreSQL …");
        postgres = EmbeddedPostgresServer.start(pgDir, settings.postgresPort(), settings.durability(), temporary);
        postgres.createDatabases(SERVICES.stream().map(LocalStack::database).toList());
        log("Starting Kafka …");
        kafka = EmbeddedKafka.start(kafkaDir, settings.kafkaPort(), settings.kafkaControllerPort(),
                settings.durability(), temporary);
        Map<String, Integer> topics = new HashMap<>();
        for (Topic t : Topic.values()) {
            topics.put(t.topicName(), settings.topicPartitions());
        }
        topics.put(DEAD_LETTER_TOPIC, 1);
        kafka.createTopics(topics);
        kafka.createCompactedTopics(Map.of(KeyRecords.TOPIC, settings.topicPartitions()));
    }

    /** The four services, each on its port against its own database; returns when all are ready. */
    public void startServices() throws IOException, InterruptedException {
        Path logs = Files.createDirectories(settings.runDir().resolve("logs"));
        for (String service : SERVICES) {
            assignPorts(service, settings.servicePorts().getOrDefault(service, 0));
            startService(service, logs);
        }
        if (settings.servicePorts().containsKey(STAFF_WEB) && keycloak != null) {
            assignPorts(STAFF_WEB, settings.servicePorts().get(STAFF_WEB));
            startStaffWeb(logs);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (String service : SERVICES) {
            awaitReady(http, service);
        }
    }

    /** Waits for the staff page (it signs users in at Keycloak, so it is ready only after Keycloak is). */
    public void awaitStaffWeb() throws InterruptedException {
        if (processes.containsKey(STAFF_WEB)) {
            keycloak.allowStaffWebAt(url(STAFF_WEB));
            awaitReady(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), STAFF_WEB);
        }
    }

    /**
     * The staff page as a deployment configures it (docs/security.md): the realm's issuer and the page's client, the
     * staff directory, and the four services' URLs. Plain http on this machine, so its cookies are not "Secure".
     */
    private void startStaffWeb(Path logs) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OIDC_AUTH_SERVER_URL", keycloak.issuer());
        env.put("OIDC_CLIENT_SECRET", EmbeddedKeycloak.STAFF_WEB_LOCAL_SECRET);
        env.put("KEYCLOAK_ADMIN_URL", keycloak.url() + "/admin/realms/" + EmbeddedKeycloak.REALM);
        env.put("STAFF_WEB_SECURE_COOKIES", "false");
        for (String service : SERVICES) {
            env.put(service.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_URL", url(service));
        }
        startProcess(STAFF_WEB, logs, List.of(), env);
    }

    public static Path postgresDir(Path dataDir) {
        return dataDir.resolve("postgres");
    }

    public static Path kafkaDir(Path dataDir) {
        return dataDir.resolve("kafka");
    }

    private void assignPorts(String service, int port) {
        ports.put(service, port == 0 ? FreePort.find() : port);
        managementPorts.put(service, port == 0 ? FreePort.find() : managementPort(port));
    }

    /** Starts one service process on its port against its own database. */
    public void startService(String service, Path logs) throws IOException {
        startService(service, logs, Map.of());
    }

    /**
     * Starts instance {@code n} of running services, as further replicas of their Deployments are: the same build,
     * database, consumer groups and configuration, on ports of their own. Each is named {@code <service>@<n>} (logs,
     * {@link #url}, {@link #kill}, {@link #stop} take that name); returns the names once every instance is ready.
     */
    public List<String> startInstances(List<String> services, int n) throws IOException, InterruptedException {
        List<String> names = services.stream().map(service -> service + "@" + n).toList();
        names.forEach(name -> assignPorts(name, 0));
        restartAll(names);
        return names;
    }

    /** Starts several stopped or killed services at once and waits until every one is ready. */
    public void restartAll(List<String> instances) throws IOException, InterruptedException {
        for (String instance : instances) {
            startService(instance, settings.runDir().resolve("logs"), Map.of());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (String instance : instances) {
            awaitReady(http, instance);
        }
    }

    /** The service an instance name ({@code register-service@2}) belongs to. */
    public static String serviceOf(String instance) {
        int at = instance.indexOf('@');
        return at < 0 ? instance : instance.substring(0, at);
    }

    /** Starts one service with extra system properties for this run only (the benchmark moves a consumer group). */
    public void startService(String instance, Path logs, Map<String, String> extraProperties) throws IOException {
        String service = serviceOf(instance);
        List<String> properties = new ArrayList<>(List.of(
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(database(service)),
                "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(database(service)),
                "-Dquarkus.datasource.username=" + EmbeddedPostgresServer.USER,
                "-Dquarkus.datasource.password=" + EmbeddedPostgresServer.PASSWORD));
        settings.serviceProperties().forEach((k, v) -> properties.add("-D" + k + "=" + v));
        extraProperties.forEach((k, v) -> properties.add("-D" + k + "=" + v));
        Map<String, String> env = new LinkedHashMap<>();
        if (keycloak != null) {
            // As a deployment configures them: the issuer and its keys (docs/security.md).
            env.put("JWT_ISSUER", keycloak.issuer());
            env.put("JWT_JWKS_URL", keycloak.jwksUrl());
        }
        startProcess(instance, logs, properties, env);
    }

    /** Runs a packaged application of this repository in the production profile, its output in its own log. */
    private void startProcess(String instance, Path logs, List<String> properties, Map<String, String> env)
            throws IOException {
        if (closed) {
            throw new IllegalStateException("stopping: " + instance + " is not started");
        }
        String service = serviceOf(instance);
        Path jar = settings.root().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw install -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty(JVM_OPTIONS, DEFAULT_JVM_OPTIONS).trim().split("\\s+")));
        Path aotCache = aotCache(settings.root(), service);
        // The services run on this JVM's java; -XX:AOTCacheOutput is JDK 25's, and older JDKs refuse the options.
        switch (Runtime.version().feature() >= 25 ? System.getProperty(AOT, "auto") : "off") {
            case "record" -> command.add("-XX:AOTCacheOutput=" + aotCache);
            case "auto" -> {
                if (Files.exists(aotCache)) {
                    command.add("-XX:AOTCache=" + aotCache);
                }
            }
            default -> {
            }
        }
        // The production profile, with readable logs on a developer's screen.
        command.add("-D%prod.quarkus.log.console.json.enabled=false");
        command.add("-Dquarkus.http.port=" + ports.get(instance));
        command.add("-Dquarkus.management.port=" + managementPorts.get(instance));
        command.addAll(properties);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(instance + ".log").toFile()));
        builder.environment().putAll(env);
        Process p = builder.start();
        processes.put(instance, p);
        onServiceStarted.accept(instance, p);
        log("Started " + instance + " (pid " + p.pid() + ") on port " + ports.get(instance) + ", management port "
                + managementPorts.get(instance));
    }

    /** A service's AOT cache, written by a training run ({@code scripts/train-aot}) beside its packaged jar. */
    public static Path aotCache(Path root, String service) {
        return root.resolve(service).resolve("target/quarkus-app/app.aot");
    }

    public void awaitReady(HttpClient http, String service) throws InterruptedException {
        awaitReady(http, service, Duration.ofMillis(200));
    }

    /** As {@link #awaitReady(HttpClient, String)}, asking every {@code poll} (the benchmark times starts with 10 ms). */
    public void awaitReady(HttpClient http, String service, Duration poll) throws InterruptedException {
        Process p = processes.get(service);
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        URI ready = URI.create(managementUrl(service) + "/q/health/ready");
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(service + " stopped (exit " + p.exitValue() + "); see "
                        + settings.runDir().resolve("logs").resolve(service + ".log"));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    log(service + " is ready on " + url(service));
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(poll);
        }
        throw new IllegalStateException(service + " did not become ready; see its log in " + settings.runDir());
    }

    /**
     * SIGTERM, as a rolling update stops a pod: the service finishes what it can and its consumers leave their groups,
     * so another instance (or the restarted one) gets their partitions at once.
     */
    public void stop(String service) throws InterruptedException {
        Process p = processes.get(service);
        p.destroy();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            log(service + " did not stop within 15 s; killing it.");
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** kill -9: the service gets no chance to finish anything. */
    public void kill(String service) throws InterruptedException {
        Process p = processes.get(service);
        p.destroyForcibly();
        p.waitFor(15, TimeUnit.SECONDS);
    }

    /** Starts a stopped or killed service again on its port and waits until it is ready. */
    public void restart(String service) throws IOException, InterruptedException {
        restart(service, Map.of());
    }

    public void restart(String service, Map<String, String> extraProperties) throws IOException, InterruptedException {
        restart(service, extraProperties, Duration.ofMillis(200));
    }

    /** As {@link #restart(String, Map)}, asking for readiness every {@code poll}. */
    public void restart(String service, Map<String, String> extraProperties, Duration poll)
            throws IOException, InterruptedException {
        startService(service, settings.runDir().resolve("logs"), extraProperties);
        awaitReady(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), service, poll);
    }

    /** The instances of a service that are running now: its own name, and those {@link #startInstances} added. */
    public List<String> running(String service) {
        return processes.entrySet().stream()
                .filter(e -> serviceOf(e.getKey()).equals(service) && e.getValue().isAlive())
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The operating-system process id of a running service (for its memory figures). */
    public long pid(String service) {
        return processes.get(service).pid();
    }

    public Path logFile(String service) {
        return settings.runDir().resolve("logs").resolve(service + ".log");
    }

    /** Whether this run started it (the staff page runs only when the settings give it a port). */
    public boolean has(String service) {
        return processes.containsKey(service);
    }

    public String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    /** Its management interface: health, metrics and the API documentation (never the public port). */
    public String managementUrl(String service) {
        return "http://localhost:" + managementPorts.get(service);
    }

    public Settings settings() {
        return settings;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedKeycloak keycloak() {
        return keycloak;
    }

    /** An access token of a demo user of the realm (e.g. {@code directeur.12ab}), from this run's Keycloak. */
    public String token(String username) {
        return keycloak.token(username);
    }

    public static String database(String service) {
        return service.replace('-', '_');
    }

    /**
     * Stops everything in order (the services first, so they can hand their last events to Kafka; then Kafka; then
     * PostgreSQL), saying what it stops and how long each took.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (keycloak != null) {
            keycloak.process().ifPresent(Process::destroy); // stops beside the services; awaited below
        }
        if (!processes.isEmpty()) {
            log("Stopping the services: " + String.join(", ", processes.keySet()) + " …");
            long t0 = System.nanoTime();
            // A training run's JVMs write their AOT caches as they exit: a minute or more on two cores.
            long grace = "record".equals(System.getProperty(AOT)) ? 300_000 : 8_000;
            processes.values().forEach(Process::destroy);
            processes.forEach((service, p) -> {
                try {
                    if (!p.waitFor(Math.max(1, grace - (System.nanoTime() - t0) / 1_000_000), TimeUnit.MILLISECONDS)) {
                        log(service + " did not stop within " + grace / 1000 + " s; killing it.");
                        p.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            });
            log(String.format("Stopped the services (%.1f s).", (System.nanoTime() - t0) / 1e9));
            processes.clear();
        }
        if (keycloak != null && keycloak.process().isPresent()) {
            timed("Keycloak", keycloak::close);
        }
        keycloak = null;
        if (kafka != null) {
            timed("Kafka", kafka::close);
            kafka = null;
        }
        if (postgres != null) {
            timed("PostgreSQL", postgres::close);
            postgres = null;
        }
    }

    /** A second Ctrl-C: no waiting for anything. PostgreSQL and Kafka recover from their logs at the next start. */
    public void stopNow() {
        processes.values().forEach(Process::destroyForcibly);
        if (keycloak != null) {
            keycloak.stopNow();
        }
        if (postgres != null) {
            postgres.stopImmediately();
        }
    }

    private static void timed(String what, Runnable stop) {
        log("Stopping " + what + " …");
        long t0 = System.nanoTime();
        stop.run();
        log(String.format("Stopped %s (%.1f s).", what, (System.nanoTime() - t0) / 1e9));
    }

    static void log(String message) {
        System.out.println("[local-stack] " + message);
    }
}
