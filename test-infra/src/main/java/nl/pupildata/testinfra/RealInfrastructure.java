package nl.pupildata.testinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.pupildata.events.Topic;
import nl.pupildata.infra.Durability;
import nl.pupildata.infra.EmbeddedKafka;
import nl.pupildata.infra.EmbeddedPostgresServer;

/**
 * Starts one real Kafka broker and one real PostgreSQL server for the whole test JVM (no Docker, no Dev
 * Services) and points the service under test at them, and at the test JVM's token key ({@link TestTokens}). They stay up until the JVM ends, so every test class
 * of a module shares them; tests may stop and restart them to inject faults.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "service";
    private static EmbeddedKafka kafka;
    private static EmbeddedPostgresServer postgres;

    @Override
    public Map<String, String> start() {
        startOnce();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(DATABASE));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE));
        config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        config.put("quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
        // Tokens: the test JVM's own key pair (TestTokens), made in memory; no key file anywhere.
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        // The key itself: in test mode Quarkus would otherwise verify with a key pair of its own making.
        config.put("mp.jwt.verify.publickey", TestTokens.publicKey());
        config.put("mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toUri().toString());
        return config;
    }

    @Override
    public void stop() {
        // Kept for the other test classes of this JVM; removed by the shutdown hook.
    }

    public static synchronized EmbeddedKafka kafka() {
        startOnce();
        return kafka;
    }

    public static synchronized EmbeddedPostgresServer postgres() {
        startOnce();
        return postgres;
    }

    private static synchronized void startOnce() {
        if (kafka != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgresServer.start(Files.createTempDirectory("pg"), 0,
                    Durability.FAST_NOT_CRASH_SAFE, true);
            postgres.createDatabases(List.of(DATABASE));
            kafka = EmbeddedKafka.start(Files.createTempDirectory("kafka"), 0, Durability.FAST_NOT_CRASH_SAFE, true);
            Map<String, Integer> topics = new HashMap<>();
            for (Topic topic : Topic.values()) {
                topics.put(topic.topicName(), 3);
            }
            topics.put("pupil-data.dead-letter", 1);
            kafka.createTopics(topics);
            kafka.createCompactedTopics(Map.of(nl.pupildata.events.sealing.KeyRecords.TOPIC, 3));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
        }, "stop-test-infrastructure"));
    }
}
