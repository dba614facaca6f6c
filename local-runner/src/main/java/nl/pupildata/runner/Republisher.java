package nl.pupildata.runner;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import nl.pupildata.events.CloudEventRecords;
import nl.pupildata.events.Topic;
import nl.pupildata.events.sealing.KeyRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Rebuilds the topics from the services' event stores: every stored event, in the order it was stored, published
 * exactly as the outbox relay publishes it (same id, time and JSON), after which the outbox is empty. Used after a
 * restore, when Kafka starts empty; consumers recognise the events they had already applied by their ids.
 */
final class Republisher {

    private Republisher() {
    }

    /**
     * @param databases JDBC URL per service (user and password as given)
     * @return how many events each service's store held and were published
     */
    static Map<String, Long> republish(String bootstrapServers, Map<String, String> databases, String user,
            String password) throws SQLException, InterruptedException {
        Map<String, Long> published = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.CLIENT_ID_CONFIG, "republisher"), new StringSerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, String> db : databases.entrySet()) {
                try (Connection c = DriverManager.getConnection(db.getValue(), user, password)) {
                    // The keys first, from the service that issues them (issue 19): the sealed values open with them.
                    published.put(db.getKey(), republish(c, producer,
                            db.getKey().equals(Topic.REQUESTS.producer())));
                }
            }
        }
        return published;
    }

    private static long republish(Connection c, KafkaProducer<String, byte[]> producer, boolean keys)
            throws SQLException, InterruptedException {
        c.setAutoCommit(false);
        if (!hasEventStore(c)) {
            return 0;
        }
        long count = 0;
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        if (keys) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select request_id, secret from request_key order by request_id")) {
                while (rs.next()) {
                    acks.add(producer.send(KeyRecords.toRecord(rs.getObject(1, UUID.class), rs.getBytes(2))));
                }
            }
            awaitAll(acks);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("delete from key_outbox");
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                select event_id, type, stream_id, occurred_at, payload from event_store order by global_position""")) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    acks.add(producer.send(CloudEventRecords.toRecord(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getObject(3, UUID.class), rs.getObject(4, OffsetDateTime.class).toInstant(),
                            rs.getString(5), null)));
                    count++;
                    if (acks.size() >= 1000) {
                        awaitAll(acks);
                    }
                }
            }
        }
        awaitAll(acks);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("delete from outbox");
        }
        c.commit();
        return count;
    }

    private static boolean hasEventStore(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, "event_store", null)) {
            return rs.next();
        }
    }

    private static void awaitAll(List<Future<RecordMetadata>> acks) throws InterruptedException {
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused an event: " + e.getCause().getMessage(), e.getCause());
        }
        acks.clear();
    }
}
