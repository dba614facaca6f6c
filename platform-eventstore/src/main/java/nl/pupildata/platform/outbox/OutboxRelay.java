package nl.pupildata.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import nl.pupildata.events.CloudEventRecords;
import nl.pupildata.events.sealing.KeyRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka: oldest first, so the events of one request keep their order, and deletes a
 * row only after the broker acknowledged it. Rows are claimed, not read past a checkpoint, so a transaction
 * that commits late (with a lower id) is published on the next run instead of being skipped. One replica at
 * a time relays: the others find the advisory lock taken and wait for the next run. If Kafka is down, the
 * batch is rolled back and retried; a send that reached Kafka before a crash may be sent again, which the
 * idempotent consumers absorb.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any fixed number shared by the replicas of one service (each service has its own database). */
    private static final long RELAY_LOCK = 4_242_001L;

    private final AgroalDataSource dataSource;
    private final KafkaPublisher publisher;
    private final int batchSize;
    private final AtomicLong backlog = new AtomicLong();
    private final Counter published;
    private final Counter lockBusy;
    private volatile boolean kafkaWasDown;
    private volatile boolean databaseWasDown;
    private final Duration interval;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(AgroalDataSource dataSource, KafkaPublisher publisher, MeterRegistry registry,
            @ConfigProperty(name = "pupil-data.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "pupil-data.outbox.interval", defaultValue = "100ms") Duration interval) {
        this.interval = interval;
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.batchSize = batchSize;
        Gauge.builder("pupil_data_outbox_backlog", backlog, AtomicLong::get)
                .description("Events accepted but not yet acknowledged by Kafka")
                .register(registry);
        this.published = Counter.builder("pupil_data_outbox_published_total")
                .description("Events and keys this instance's relay published to Kafka").register(registry);
        this.lockBusy = Counter.builder("pupil_data_outbox_relay_lock_busy_total")
                .description("Relay runs that found another instance relaying, and left it to that one")
                .register(registry);
    }

    /**
     * Relays on its own thread, every {@code pupil-data.outbox.interval} (100 ms): the Quarkus scheduler checks
     * its triggers once a second, which would add up to a second to every event's way to Kafka.
     */
    void start(@Observes StartupEvent started) {
        running = true;
        worker = Thread.ofPlatform().daemon().name("outbox-relay").start(() -> {
            while (running) {
                try {
                    relay();
                } catch (RuntimeException e) {
                    LOG.warn("Outbox relay failed, will retry", e);
                }
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    void relay() {
        try {
            int published;
            do {
                published = relayBatch();
            } while (published == batchSize);
            if (databaseWasDown) {
                LOG.info("Outbox relay reads the database again");
                databaseWasDown = false;
            }
        } catch (SQLException e) {
            // Tried every 100 ms: said once per outage, not ten times a second.
            if (!databaseWasDown) {
                LOG.warnf("Outbox relay could not read the database, will retry: %s", e.getMessage());
            }
            databaseWasDown = true;
        } catch (PublishFailedException e) {
            if (!kafkaWasDown) {
                LOG.warnf("Outbox relay could not publish to Kafka, will retry: %s", e.getMessage());
            }
            kafkaWasDown = true;
        }
    }

    /** Publishes one batch; returns how many events were published (0 when another replica holds the lock). */
    public int relayBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!tryLock(c)) {
                    c.rollback();
                    lockBusy.increment();
                    return 0;
                }
                List<PendingKey> keys = readKeys(c);
                List<Pending> batch = readBatch(c);
                if (batch.isEmpty() && keys.isEmpty()) {
                    backlog.set(0);
                    c.commit();
                    return 0;
                }
                // Keys first: a consumer that meets a sealed value before its key waits for the key.
                List<ProducerRecord<String, byte[]>> records = new ArrayList<>(keys.size() + batch.size());
                keys.forEach(k -> records.add(k.toRecord()));
                batch.forEach(p -> records.add(p.toRecord()));
                publish(records);
                deleteKeys(c, keys);
                delete(c, batch);
                backlog.set(countRemaining(c));
                c.commit();
                published.increment(records.size());
                if (kafkaWasDown) {
                    LOG.info("Outbox relay publishes to Kafka again");
                    kafkaWasDown = false;
                }
                return Math.max(batch.size(), keys.size());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, RELAY_LOCK);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<Pending> readBatch(Connection c) throws SQLException {
        String sql = """
                select o.id, e.event_id, e.stream_id, e.type, e.payload, e.occurred_at, o.traceparent
                from outbox o join event_store e on e.event_id = o.event_id
                order by o.id
                limit ?""";
        List<Pending> batch = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, batchSize);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    batch.add(new Pending(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                            rs.getString(7)));
                }
            }
        }
        return batch;
    }

    /** The request keys and tombstones waiting for the key topic, in the order they were written. */
    private List<PendingKey> readKeys(Connection c) throws SQLException {
        List<PendingKey> keys = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, request_id, secret from key_outbox order by id"
                + " limit ?")) {
            s.setInt(1, batchSize);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(new PendingKey(rs.getLong(1), rs.getObject(2, UUID.class), rs.getBytes(3)));
                }
            }
        }
        return keys;
    }

    private static void deleteKeys(Connection c, List<PendingKey> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("delete from key_outbox where id = any(?)")) {
            s.setArray(1, c.createArrayOf("bigint", keys.stream().map(PendingKey::id).toArray(Long[]::new)));
            s.executeUpdate();
        }
    }

    private void publish(List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        try {
            for (ProducerRecord<String, byte[]> record : records) {
                acks.add(publisher.producer().send(record));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(publisher.ackTimeoutMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            throw new PublishFailedException(e.getCause());
        } catch (TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw new PublishFailedException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(e);
        }
    }

    private static void delete(Connection c, List<Pending> batch) throws SQLException {
        Long[] ids = batch.stream().map(Pending::outboxId).toArray(Long[]::new);
        try (PreparedStatement s = c.prepareStatement("delete from outbox where id = any(?)")) {
            Array array = c.createArrayOf("bigint", ids);
            s.setArray(1, array);
            s.executeUpdate();
        }
    }

    private static long countRemaining(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from outbox");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    public long backlog() {
        return backlog.get();
    }

    @PreDestroy
    void drainOnShutdown() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            relayBatch();
        } catch (Exception e) {
            LOG.debugf("Outbox not drained at shutdown (%s); it is published after the next start", e.getMessage());
        }
    }

    record PendingKey(long id, UUID requestId, byte[] secret) {

        ProducerRecord<String, byte[]> toRecord() {
            return KeyRecords.toRecord(requestId, secret);
        }
    }

    record Pending(long outboxId, UUID eventId, UUID streamId, String type, String payload, Instant time,
            String traceparent) {

        ProducerRecord<String, byte[]> toRecord() {
            return CloudEventRecords.toRecord(eventId, type, streamId, time, payload, traceparent);
        }
    }

    static final class PublishFailedException extends RuntimeException {
        PublishFailedException(Throwable cause) {
            super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }
}
