package nl.pupildata.register.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import nl.pupildata.events.Topic;
import nl.pupildata.events.sealing.KeyRecords;
import nl.pupildata.platform.keys.KeyRing;
import nl.pupildata.register.persistence.KeptTimelines;
import nl.pupildata.register.persistence.ReplayBatch;
import nl.pupildata.register.persistence.TimelineEntry;
import nl.pupildata.platform.kafka.KafkaSettings;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Rebuilds the register from the start of the three topics. While it runs, queries answer from the partly
 * rebuilt projection and say so ({@code rebuilding: true}); the live consumers keep applying new events. Both
 * write the same timeline, one line per event id, and an entry is a fold over its timeline in time order, so
 * whichever of the two applies an event first, the result ends equal to the live projection. The replay reads the
 * topics to the ends they had when it started, by partition group (partition n of every topic: producers key each
 * event by its request), two groups at once. Each group in two passes ({@link ReplayBatch}): its batches of up to
 * {@value #BATCH} records added to the timelines, one transaction each, and kept in memory; then its requests folded
 * from what was kept, {@value #FOLD} per transaction. Until that second pass reaches a request, its entry is missing or
 * holds only what the live consumer folded.
 */
@ApplicationScoped
public class RegisterReplay {

    private static final Logger LOG = Logger.getLogger(RegisterReplay.class);

    public record Status(String state, Instant startedAt, Instant finishedAt, long eventsRead, String error) {
        public boolean rebuilding() {
            return "REBUILDING".equals(state);
        }
    }

    /** Records per poll, applied in one transaction. */
    static final int BATCH = 5000;
    /** Requests folded per transaction in the second pass (each takes its lock until the commit). */
    static final int FOLD = 2000;
    /** Partition groups replayed at once (two cores here: one reads JSON while the other's batch is written). */
    static final int IN_FLIGHT = 2;
    /**
     * Events a group keeps in memory for its fold: about 0.5 KB each, so two groups keep up to some 50 MB. A request
     * beyond it is folded from its stored lines.
     */
    static final int KEPT = 50_000;
    private static final String DEADLOCK = "40P01";
    private static final int CLEAR_ATTEMPTS = 5;

    private final AgroalDataSource dataSource;
    private final ReplayBatch batch;
    private final KafkaSettings kafka;
    private final AtomicReference<Status> status = new AtomicReference<>(new Status("IDLE", null, null, 0, null));

    public RegisterReplay(AgroalDataSource dataSource, ReplayBatch batch, KafkaSettings kafka) {
        this.dataSource = dataSource;
        this.batch = batch;
        this.kafka = kafka;
    }

    public Status status() {
        return status.get();
    }

    /** Starts a rebuild in the background; false when one is already running. */
    public synchronized boolean start() {
        if (status.get().rebuilding()) {
            return false;
        }
        status.set(new Status("REBUILDING", Instant.now(), null, 0, null));
        Thread.ofPlatform().name("register-replay").daemon().start(this::run);
        return true;
    }

    private void run() {
        Instant started = status.get().startedAt();
        AtomicLong read = new AtomicLong();
        try (InFlight work = new InFlight(); Readers readers = new Readers()) {
            clearProjection();
            Map<Integer, List<TopicPartition>> groups = new TreeMap<>();
            Map<TopicPartition, Long> begin;
            Map<TopicPartition, Long> end;
            KafkaConsumer<String, String> consumer = readers.take();
            for (Topic topic : Topic.values()) {
                for (PartitionInfo p : consumer.partitionsFor(topic.topicName(), Duration.ofSeconds(30))) {
                    groups.computeIfAbsent(p.partition(), n -> new ArrayList<>())
                            .add(new TopicPartition(p.topic(), p.partition()));
                }
            }
            List<TopicPartition> all = groups.values().stream().flatMap(List::stream).toList();
            consumer.assign(all); // else the client warns, per partition, that it is not assigned
            begin = consumer.beginningOffsets(all);
            end = consumer.endOffsets(all);
            // Then the keys: every event up to these ends had its request's key published before it.
            learnKeys(consumer);
            readers.give(consumer);
            for (List<TopicPartition> group : groups.values()) {
                work.submit(() -> replayGroup(readers, group, begin, end, () -> status.set(new Status("REBUILDING",
                        started, null, read.get(), null)), read));
            }
            work.awaitAll();
            status.set(new Status("IDLE", started, Instant.now(), read.get(), null));
            LOG.infof("Register rebuilt from %d events in %d ms", read.get(),
                    Duration.between(started, Instant.now()).toMillis());
        } catch (Throwable e) {
            LOG.error("Register replay failed", e);
            status.set(new Status("FAILED", started, Instant.now(), read.get(), e.getMessage()));
        }
    }

    /**
     * One partition group, in both passes: its partitions read from the start to the ends they had when the replay
     * started, a batch of up to {@value #BATCH} records per transaction, the events kept in memory (up to
     * {@value #KEPT}); then its requests folded, {@value #FOLD} per transaction. Producers key every event by its request, so with the same number of
     * partitions in each topic a request's events all lie in one group and its kept timeline is whole; where it is not
     * (another layout, an event the live consumer added) the fold reads the stored lines instead.
     */
    private void replayGroup(Readers readers, List<TopicPartition> group, Map<TopicPartition, Long> begin,
            Map<TopicPartition, Long> ends, Runnable progress, AtomicLong read) throws SQLException {
        KeptTimelines kept = new KeptTimelines(KEPT);
        Map<TopicPartition, Long> end = new HashMap<>();
        group.forEach(p -> end.put(p, ends.get(p)));
        KafkaConsumer<String, String> consumer = readers.take();
        consumer.assign(group);
        group.forEach(p -> consumer.seek(p, begin.get(p)));
        while (!caughtUp(consumer, end)) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            if (!records.isEmpty()) {
                batch.addToTimelines(records, kept);
                read.addAndGet(records.count());
                progress.run();
            }
        }
        readers.give(consumer);
        List<UUID> requests = kept.requests();
        for (int from = 0; from < requests.size(); from += FOLD) {
            batch.foldEntries(requests.subList(from, Math.min(from + FOLD, requests.size())), kept);
        }
        LOG.debugf("Register replay: partition group %d folded, %d requests", group.getFirst().partition(),
                requests.size());
    }

    /**
     * The replay's consumers, one per partition group in flight, each handed from group to group. Making a consumer per
     * group and closing it again took about 0.45 s a group, as long as reading its 8,000 events: a replay reads to
     * ends it fixed and commits nothing, so it needs no consumer group, and its consumers close without waiting.
     */
    private final class Readers implements AutoCloseable {
        private final Queue<KafkaConsumer<String, String>> idle = new ConcurrentLinkedQueue<>();
        private final Queue<KafkaConsumer<String, String>> made = new ConcurrentLinkedQueue<>();

        KafkaConsumer<String, String> take() {
            KafkaConsumer<String, String> consumer = idle.poll();
            if (consumer == null) {
                Map<String, Object> config = kafka.with(Map.of(
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH,
                        ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024));
                config.remove(ConsumerConfig.GROUP_ID_CONFIG); // Quarkus' map names the application's group
                consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
                made.add(consumer);
            }
            return consumer;
        }

        void give(KafkaConsumer<String, String> consumer) {
            idle.add(consumer);
        }

        @Override
        public void close() {
            made.forEach(c -> c.close(CloseOptions.timeout(Duration.ZERO)));
        }
    }

    /**
     * Up to {@value #IN_FLIGHT} partition groups at once, each on its own thread and connection: while one waits for
     * PostgreSQL, the other reads its JSON. The groups are independent (their requests differ), the per-request locks
     * order them where they meet, and the replay ends when all groups have.
     */
    private static final class InFlight implements AutoCloseable {
        private final ExecutorService workers = Executors.newFixedThreadPool(IN_FLIGHT,
                Thread.ofPlatform().name("register-replay-", 1).daemon().factory());
        private final Deque<Future<?>> running = new ArrayDeque<>();

        interface Unit {
            void run() throws Exception;
        }

        /** Waits for the oldest unit first when {@value #IN_FLIGHT} are running; a unit's failure ends the replay. */
        void submit(Unit unit) throws Exception {
            if (running.size() >= IN_FLIGHT) {
                awaitOldest();
            }
            running.add(workers.submit(() -> {
                unit.run();
                return null;
            }));
        }

        void awaitAll() throws Exception {
            while (!running.isEmpty()) {
                awaitOldest();
            }
        }

        private void awaitOldest() throws Exception {
            try {
                running.removeFirst().get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }

        @Override
        public void close() {
            running.forEach(f -> f.cancel(true));
            workers.shutdownNow();
        }
    }

    /**
     * Issue 19: the register's copy of the request keys, complete from the key topic (read to its end from the
     * start: a key, or a tombstone that deletes it) — so that a register whose database was lost opens the events it
     * replays, and an erased request's values read as erased.
     */
    private void learnKeys(KafkaConsumer<String, String> keys) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : keys.partitionsFor(KeyRecords.TOPIC, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
            keys.assign(partitions);
            keys.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = keys.endOffsets(partitions);
            c.setAutoCommit(false);
            while (!caughtUp(keys, end)) {
                Map<UUID, byte[]> learned = new LinkedHashMap<>();
                List<UUID> forgotten = new ArrayList<>();
                for (ConsumerRecord<String, String> record : keys.poll(Duration.ofMillis(500))) {
                    KeyRecords.KeyMessage key;
                    try {
                        key = KeyRecords.fromRecord(record);
                    } catch (IllegalArgumentException e) {
                        continue; // not a key: dead-lettered by the live listener
                    }
                    if (key.secret().isPresent()) {
                        learned.putIfAbsent(key.requestId(), key.secret().get());
                    } else {
                        forgotten.add(key.requestId());
                    }
                }
                KeyRing.learnAndForget(c, learned, forgotten);
                c.commit();
            }
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Empties the projection. The tables are locked in the order the live projection writes them (a timeline line,
     * then the entry), so a live transaction that holds one does not wait for the other while this waits for the
     * first; should PostgreSQL still find a deadlock with another writer, it ends this transaction and it is tried again.
     */
    private void clearProjection() throws SQLException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                try {
                    s.execute("truncate register_timeline, register_entry");
                    s.execute("delete from processed_event where consumer = '" + TimelineEntry.CONSUMER + "'");
                    c.commit();
                    return;
                } catch (SQLException e) {
                    c.rollback();
                    if (!DEADLOCK.equals(e.getSQLState()) || attempt == CLEAR_ATTEMPTS) {
                        throw e;
                    }
                    LOG.warnf("Register replay: emptying the projection met a live write in a deadlock;"
                            + " attempt %d of %d", attempt + 1, CLEAR_ATTEMPTS);
                }
            }
            Thread.sleep(100L * attempt);
        }
    }
}
