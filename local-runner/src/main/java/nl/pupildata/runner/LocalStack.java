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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.pupildata.events.Topic;
import nl.pupildata.infra.EmbeddedKafka;
import nl.pupildata.infra.EmbeddedPostgresServer;

/**
 * Starts the whole system on this machine: a real Kafka broker (KRaft) on 9092, a real PostgreSQL with a
 * database per service, and the four packaged services on 8081–8084. Ctrl-C stops everything.
 */
public final class LocalStack {

    record Service(String name, int port) {
        String database() {
            return name.replace('-', '_');
        }
    }

    static final List<Service> SERVICES = List.of(new Service("request-service", 8081),
            new Service("consent-service", 8082), new Service("deadline-service", 8083),
            new Service("register-service", 8084));

    private final Path root;
    private final Path runDir;
    private final List<Process> processes = new ArrayList<>();
    private EmbeddedKafka kafka;
    private EmbeddedPostgresServer postgres;

    LocalStack(Path root) throws IOException {
        this.root = root;
        this.runDir = Files.createDirectories(root.resolve(".run"));
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("pupil-data.root", ".")).toAbsolutePath().normalize();
        int kafkaPort = Integer.getInteger("pupil-data.kafka-port", 9092);
        int postgresPort = Integer.getInteger("pupil-data.postgres-port", 55432);
        LocalStack stack = new LocalStack(root);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "stop-local-stack"));
        long started = System.nanoTime();
        stack.start(kafkaPort, postgresPort);
        System.out.printf("%nAll services ready in %.1f s.%n", (System.nanoTime() - started) / 1e9);
        stack.printWelcome();
        Thread.currentThread().join();
    }

    void start(int kafkaPort, int postgresPort) throws Exception {
        log("Starting PostgreSQL on 127.0.0.1:" + postgresPort + " …");
        postgres = EmbeddedPostgresServer.start(Files.createTempDirectory(runDir, "pg-"), postgresPort, true);
        postgres.createDatabases(SERVICES.stream().map(Service::database).toList());
        log("Starting Kafka on 127.0.0.1:" + kafkaPort + " …");
        kafka = EmbeddedKafka.start(Files.createTempDirectory(runDir, "kafka-"), kafkaPort, true);
        Map<String, Integer> topics = new HashMap<>();
        for (Topic t : Topic.values()) {
            topics.put(t.topicName(), 12);
        }
        topics.put("pupil-data.dead-letter", 1);
        kafka.createTopics(topics);
        Path logs = Files.createDirectories(runDir.resolve("logs"));
        for (Service s : SERVICES) {
            Path jar = root.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (./mvnw install -DskipTests)");
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC",
                    "-Dquarkus.profile=dev",
                    "-Dquarkus.http.port=" + s.port(),
                    "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                    "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(s.database()),
                    "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(s.database()),
                    "-Dquarkus.datasource.username=" + EmbeddedPostgresServer.USER,
                    "-Dquarkus.datasource.password=" + EmbeddedPostgresServer.PASSWORD,
                    "-jar", jar.toString()));
            Path logFile = logs.resolve(s.name() + ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()).start();
            processes.add(p);
            log("Started " + s.name() + " (pid " + p.pid() + "), log: " + root.relativize(logFile));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; i < SERVICES.size(); i++) {
            awaitReady(http, SERVICES.get(i), processes.get(i));
        }
    }

    private void awaitReady(HttpClient http, Service s, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        URI ready = URI.create("http://127.0.0.1:" + s.port() + "/q/health/ready");
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(s.name() + " stopped (exit " + p.exitValue() + "); see .run/logs/"
                        + s.name() + ".log");
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    log(s.name() + " is ready on http://localhost:" + s.port());
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(s.name() + " did not become ready; see .run/logs/" + s.name() + ".log");
    }

    void printWelcome() {
        StringBuilder b = new StringBuilder("\n");
        for (Service s : SERVICES) {
            b.append(String.format("  %-17s http://localhost:%d   (API docs: http://localhost:%d/q/swagger-ui)%n",
                    s.name(), s.port(), s.port()));
        }
        b.append(String.format("  %-17s %s%n", "Kafka", kafka.bootstrapServers()));
        b.append(String.format("  %-17s %s (user postgres, password postgres)%n", "PostgreSQL",
                postgres.jdbcUrl("<service>_service")));
        b.append("\nA token for the API:  TOKEN=$(scripts/dev-token DIRECTOR 12AB)\n");
        b.append("  curl -H \"Authorization: Bearer $TOKEN\" http://localhost:8081/requests\n");
        b.append("\nPress Ctrl-C to stop everything.\n");
        System.out.println(b);
    }

    synchronized void stop() {
        if (!processes.isEmpty()) {
            log("Stopping the services …");
        }
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
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

    private static void log(String message) {
        System.out.println("[local-stack] " + message);
    }
}
