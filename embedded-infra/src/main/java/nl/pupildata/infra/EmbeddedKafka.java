package nl.pupildata.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller combined) in this JVM, on fixed
 * loopback ports. It can be stopped and started again on the same ports with the same data, which is how
 * the tests take the broker away from a running service and give it back.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Durability durability;
    private final boolean deleteOnClose;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path dataDir, int port, int controllerPort, Durability durability, boolean deleteOnClose) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.durability = durability;
        this.deleteOnClose = deleteOnClose;
    }

    /** Formats a fresh log directory (when it is empty) and starts the broker. Port 0 picks a free port. */
    public static EmbeddedKafka start(Path dataDir, int port, Durability durability, boolean deleteOnClose) {
        return start(dataDir, port, 0, durability, deleteOnClose);
    }

    /**
     * Formats a fresh log directory (when it is empty) and starts the broker on the port, with its controller on
     * {@code controllerPort} (0 picks free ports).
     */
    public static EmbeddedKafka start(Path dataDir, int port, int controllerPort, Durability durability,
            boolean deleteOnClose) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedKafka kafka = new EmbeddedKafka(dataDir, port == 0 ? FreePort.find() : port,
                    controllerPort == 0 ? FreePort.find() : controllerPort, durability, deleteOnClose);
            if (!Files.exists(dataDir.resolve("meta.properties"))) {
                kafka.format();
            }
            kafka.startServer();
            return kafka;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka could not start in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the broker and keeps its data; clients see it as gone. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the broker again on the same ports with the same data. */
    public synchronized void restart() {
        if (server == null) {
            startServer();
        }
    }

    /** Creates the topics that do not exist yet, with the given partition counts. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        createTopics(partitionsByTopic, Map.of());
    }

    /** Creates the compacted topics that do not exist yet (a key's last value is kept; a tombstone removes it). */
    public void createCompactedTopics(Map<String, Integer> partitionsByTopic) {
        createTopics(partitionsByTopic, Map.of("cleanup.policy", "compact"));
    }

    private void createTopics(Map<String, Integer> partitionsByTopic, Map<String, String> configs) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = partitionsByTopic.entrySet().stream()
                    .filter(e -> !existing.contains(e.getKey()))
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1).configs(configs))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topics: " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (deleteOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private synchronized void startServer() {
        KafkaRaftServer s = new KafkaRaftServer(new KafkaConfig(brokerProperties(), false), Time.SYSTEM);
        s.startup();
        server = s;
        awaitReady();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get().isEmpty()) {
                        return;
                    }
                } catch (ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka did not become ready on " + bootstrapServers(), e);
                    }
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void format() throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(dataDir.toString()))
                .setMetadataLogDirectory(dataDir.toString())
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setControllerListenerName("CONTROLLER")
                .run();
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        // A single node: every internal topic must live with one replica, or consumers silently get nothing.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.dedupe.buffer.size", "2097152");
        // The topics are the system's record: kept until the board's retention erases them, never expired by age.
        p.put("log.retention.ms", "-1");
        // A consumer group's position is kept while the system is switched off for a holiday, too.
        p.put("offsets.retention.minutes", String.valueOf(Duration.ofDays(3650).toMinutes()));
        if (durability == Durability.DURABLE) {
            // One node has no replica to recover from: every message is on disk before it is acknowledged.
            p.put("log.flush.interval.messages", "1");
        }
        return p;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory left behind is not worth failing a run for
        }
    }
}
