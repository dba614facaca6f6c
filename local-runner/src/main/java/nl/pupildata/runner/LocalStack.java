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
import nl.pupildata.events.Topic;
import nl.pupildata.infra.EmbeddedKafka;
import nl.pupildata.infra.EmbeddedPostgresServer;
import nl.pupildata.infra.FreePort;

/**
 * The whole system on one machine: a real Kafka broker (KRaft), a real PostgreSQL with a database per service,
 * and the four packaged services as their own processes, exactly as they run in production (dev profile for
 * the development token key). Used by {@code scripts/run-local} and by the system tests.
 */
public final class LocalStack implements AutoCloseable {

    public static final List<String> SERVICES = List.of("request-service", "consent-service", "deadline-service",
            "register-service");

    /** Where to run: ports (0 = free ones), extra system properties for every service, where the logs go. */
    public record Settings(Path root, int kafkaPort, int postgresPort, Map<String, Integer> servicePorts,
            Map<String, String> serviceProperties, Path runDir, int topicPartitions) {

        public static Settings local(Path root) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (int i = 0; i < SERVICES.size(); i++) {
                ports.put(SERVICES.get(i), 8081 + i);
            }
            return new Settings(root, 9092, 55432, ports, Map.of(), root.resolve(".run"), 12);
        }

        public static Settings forTests(Path root, Path runDir, Map<String, String> serviceProperties) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            SERVICES.forEach(s -> ports.put(s, 0));
            return new Settings(root, 0, 0, ports, serviceProperties, runDir, 3);
        }
    }

    /** System property: the services' JVM options (the benchmark lets the JIT compile fully). */
    public static final String JVM_OPTIONS = "pupil-data.service-jvm-options";
    /** Small and quick to start: a laptop runs four of them next to Kafka and PostgreSQL. */
    public static final String DEFAULT_JVM_OPTIONS = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private final Settings settings;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private EmbeddedKafka kafka;
    private EmbeddedPostgresServer postgres;

    public LocalStack(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("pupil-data.root", ".")).toAbsolutePath().normalize();
        boolean demo = List.of(args).contains("--demo");
        LocalStack stack = new LocalStack(Settings.local(root));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-local-stack"));
        long started = System.nanoTime();
        stack.start();
        System.out.printf("%nAll services ready in %.1f s.%n", (System.nanoTime() - started) / 1e9);
        if (demo) {
            log("Loading demo data …");
            int loaded = new DemoData(stack).load();
            log("Loaded " + loaded + " example requests (school 12AB and 34CD).");
        }
        stack.printWelcome();
        Thread.currentThread().join();
    }

    public void start() throws Exception {
        Files.createDirectories(settings.runDir());
        log("Starting PostgreSQL …");
        postgres = EmbeddedPostgresServer.start(Files.createTempDirectory(settings.runDir(), "pg-"),
                settings.postgresPort(), true);
        postgres.createDatabases(SERVICES.stream().map(LocalStack::database).toList());
        log("Starting Kafka …");
        kafka = EmbeddedKafka.start(Files.createTempDirectory(settings.runDir(), "kafka-"), settings.kafkaPort(), true);
        Map<String, Integer> topics = new HashMap<>();
        for (Topic t : Topic.values()) {
            topics.put(t.topicName(), settings.topicPartitions());
        }
        topics.put("pupil-data.dead-letter", 1);
        kafka.createTopics(topics);
        Path logs = Files.createDirectories(settings.runDir().resolve("logs"));
        for (String service : SERVICES) {
            int port = settings.servicePorts().getOrDefault(service, 0);
            ports.put(service, port == 0 ? FreePort.find() : port);
            startService(service, logs);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (String service : SERVICES) {
            awaitReady(http, service);
        }
    }

    /** Starts one service process on its port against its own database. */
    public void startService(String service, Path logs) throws IOException {
        startService(service, logs, Map.of());
    }

    /** Starts one service with extra system properties for this run only (the benchmark moves a consumer group). */
    public void startService(String service, Path logs, Map<String, String> extraProperties) throws IOException {
        Path jar = settings.root().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw install -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty(JVM_OPTIONS, DEFAULT_JVM_OPTIONS).trim().split("\\s+")));
        command.addAll(List.of(
                "-Dquarkus.profile=dev",
                "-Dquarkus.http.port=" + ports.get(service),
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(database(service)),
                "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(database(service)),
                "-Dquarkus.datasource.username=" + EmbeddedPostgresServer.USER,
                "-Dquarkus.datasource.password=" + EmbeddedPostgresServer.PASSWORD));
        settings.serviceProperties().forEach((k, v) -> command.add("-D" + k + "=" + v));
        extraProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service + ".log").toFile())).start();
        processes.put(service, p);
        log("Started " + service + " (pid " + p.pid() + ") on port " + ports.get(service));
    }

    public void awaitReady(HttpClient http, String service) throws InterruptedException {
        Process p = processes.get(service);
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        URI ready = URI.create(url(service) + "/q/health/ready");
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
            Thread.sleep(200);
        }
        throw new IllegalStateException(service + " did not become ready; see its log in " + settings.runDir());
    }

    /** kill -9: the service gets no chance to finish anything. */
    public void kill(String service) throws InterruptedException {
        Process p = processes.get(service);
        p.destroyForcibly();
        p.waitFor(15, TimeUnit.SECONDS);
    }

    /** Starts a killed service again on its port and waits until it is ready. */
    public void restart(String service) throws IOException, InterruptedException {
        restart(service, Map.of());
    }

    public void restart(String service, Map<String, String> extraProperties) throws IOException, InterruptedException {
        startService(service, settings.runDir().resolve("logs"), extraProperties);
        awaitReady(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), service);
    }

    /** The operating-system process id of a running service (for its memory figures). */
    public long pid(String service) {
        return processes.get(service).pid();
    }

    public Path logFile(String service) {
        return settings.runDir().resolve("logs").resolve(service + ".log");
    }

    public String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public static String database(String service) {
        return service.replace('-', '_');
    }

    void printWelcome() {
        StringBuilder b = new StringBuilder("\n");
        for (String s : SERVICES) {
            b.append(String.format("  %-17s %s   (API docs: %s/q/swagger-ui)%n", s, url(s), url(s)));
        }
        b.append(String.format("  %-17s %s%n", "Kafka", kafka.bootstrapServers()));
        b.append(String.format("  %-17s %s (user postgres, password postgres)%n", "PostgreSQL",
                postgres.jdbcUrl("<service>_service")));
        b.append("\nA token for the API:  TOKEN=$(scripts/dev-token DIRECTOR 12AB)\n");
        b.append("  curl -H \"Authorization: Bearer $TOKEN\" http://localhost:8081/requests\n");
        b.append("\nPress Ctrl-C to stop everything.\n");
        System.out.println(b);
    }

    @Override
    public synchronized void close() {
        if (!processes.isEmpty()) {
            log("Stopping the services …");
        }
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
        processes.clear();
        if (kafka != null) {
            log("Stopping Kafka …");
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            log("Stopping PostgreSQL …");
            postgres.close();
            postgres = null;
        }
        log("Stopped.");
    }

    static void log(String message) {
        System.out.println("[local-stack] " + message);
    }
}
