package nl.pupildata.register.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.pupildata.events.CloudEventHeaders;
import nl.pupildata.events.CloudEventRecords;
import nl.pupildata.events.EventEnvelope;
import nl.pupildata.events.EventJson;
import nl.pupildata.events.InvalidEventException;
import nl.pupildata.events.sealing.ValueSeal;
import nl.pupildata.platform.keys.KeyRing;
import nl.pupildata.register.domain.RegisterFold;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * The replay's two passes, each set-based and each touching a row once. First every record goes into its request's
 * timeline: a batch per transaction, written with COPY (the rows the live consumer or an earlier copy of the same
 * event on the topics already wrote make that batch fall back to an insert that skips them), and the events kept in
 * memory ({@link KeptTimelines}). Then every request is folded once from its whole timeline, as kept or else as
 * stored, and its entry upserted, a chunk of requests per transaction. The same fold as
 * the live projection, so the result is the same; the same per-request lock, so a live consumer and the replay never
 * write one request's timeline or entry at the same time. An entry the live consumer folded while the timelines were
 * still being filled is folded again, complete, in the second pass.
 */
@ApplicationScoped
public class ReplayBatch {

    private static final Logger LOG = Logger.getLogger(ReplayBatch.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COPY_TIMELINE = "copy register_timeline (event_id, request_id, type, at, actor, source,"
            + " payload) from stdin (format csv)";

    private final AgroalDataSource dataSource;

    public ReplayBatch(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The batch's events, their sealed values opened with the keys the register holds. The replay read the whole key
     * topic before (RegisterReplay), and a request's key is published before its first event: a request without a key
     * here is one whose key was erased (and compacted away), so its values read as erased. Read on all cores: the
     * JSON is most of a replay's work.
     */
    private static Map<UUID, EventEnvelope> read(Connection c, ConsumerRecords<String, String> records,
            Set<UUID> requests, Set<UUID> erased) throws SQLException {
        Map<UUID, ValueSeal> seals = KeyRing.sealsOf(c, requests);
        List<ConsumerRecord<String, String>> all = new ArrayList<>(records.count());
        records.forEach(all::add);
        Map<UUID, EventEnvelope> events = new LinkedHashMap<>();
        all.parallelStream().map(record -> {
            try {
                ValueSeal seal = CloudEventRecords.requestId(record)
                        .map(id -> seals.getOrDefault(id, ValueSeal.erasedSeal())).orElse(ValueSeal.plain());
                return CloudEventRecords.fromRecord(record, seal);
            } catch (InvalidEventException e) {
                // Already in the dead-letter topic from its first delivery; a replay skips it again.
                LOG.debugf("Replay skips an unreadable message at %s-%d@%d", record.topic(), record.partition(),
                        record.offset());
                return null;
            }
        }).toList().forEach(envelope -> {
            if (envelope != null) {
                events.putIfAbsent(envelope.eventId(), envelope);
            }
        });
        requests.stream().filter(id -> seals.getOrDefault(id, ValueSeal.erasedSeal()).erased()).forEach(erased::add);
        return events;
    }

    /**
     * Pass one: the batch's events into their requests' timelines, in one transaction; once committed, kept for pass two
     * in {@code kept}.
     *
     * @return how many events of the batch were new to the register
     */
    public int addToTimelines(ConsumerRecords<String, String> records, KeptTimelines kept) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // The locks first (by the records' subjects), then the keys: an erasure the live consumer is applying
                // is committed before this batch reads whether the key is still there.
                TreeSet<UUID> requests = new TreeSet<>();
                records.forEach(r -> CloudEventRecords.requestId(r).ifPresent(requests::add));
                lock(c, requests);
                Set<UUID> erased = new HashSet<>();
                List<EventEnvelope> events = List.copyOf(read(c, records, requests, erased).values());
                int added = events.isEmpty() ? 0 : copyTimeline(c, events, erased);
                c.commit();
                kept.add(events, erased);
                return added;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * COPY, the fast way; when a row is there already (the live consumer applied the event, or the topics hold it
     * twice after a republish), back to the savepoint, with the locks still held, and an insert that skips those.
     */
    private static int copyTimeline(Connection c, List<EventEnvelope> events, Set<UUID> erased) throws SQLException {
        Savepoint beforeCopy = c.setSavepoint();
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_TIMELINE, new StringReader(csv(events, erased)));
            c.releaseSavepoint(beforeCopy);
            return events.size();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(beforeCopy);
            return insertTimeline(c, events, erased);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The timeline lines, written as the live projection writes them: an erased request's values erased. */
    private static String payload(EventEnvelope e, Set<UUID> erased) {
        return EventJson.toJson(e.event(), erased.contains(e.requestId()) ? ValueSeal.erasedSeal() : ValueSeal.plain());
    }

    /** The rows for COPY, each written on whichever core is free, in the batch's order. */
    private static String csv(List<EventEnvelope> events, Set<UUID> erased) {
        return events.parallelStream().map(e -> {
            StringBuilder row = new StringBuilder(512);
            try (CSVPrinter printer = new CSVPrinter(row, CSVFormat.POSTGRESQL_CSV)) {
                printer.printRecord(e.eventId(), e.requestId(), e.type().typeName(), e.time(), e.event().actor(),
                        e.source(), payload(e, erased));
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible); // a StringBuilder does not fail
            }
            return row;
        }).collect(Collectors.joining());
    }

    private static int insertTimeline(Connection c, List<EventEnvelope> events, Set<UUID> erased)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into register_timeline"
                + " (event_id, request_id, type, at, actor, source, payload)"
                + " select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::timestamptz[], ?::text[], ?::text[],"
                + " ?::text[]) on conflict do nothing")) {
            s.setArray(1, text(c, column(events, EventEnvelope::eventId)));
            s.setArray(2, text(c, column(events, EventEnvelope::requestId)));
            s.setArray(3, text(c, column(events, e -> e.type().typeName())));
            s.setArray(4, text(c, column(events, e -> e.time().toString())));
            s.setArray(5, text(c, column(events, e -> e.event().actor())));
            s.setArray(6, text(c, column(events, EventEnvelope::source)));
            s.setArray(7, text(c, column(events, e -> payload(e, erased))));
            return s.executeUpdate();
        }
    }

    /**
     * Pass two: each request folded from its whole timeline and its entry upserted, in one transaction. A timeline
     * {@code kept} from pass one is folded as it is when it matches the stored one under the lock (as many lines, the
     * key as it was); any other is read back from its stored lines.
     */
    public void foldEntries(List<UUID> requests, KeptTimelines kept) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                lock(c, new TreeSet<>(requests));
                Map<UUID, Long> lines = lineCounts(c, requests);
                Map<UUID, ValueSeal> seals = KeyRing.sealsOf(c, requests);
                Map<UUID, List<EventEnvelope>> inMemory = new LinkedHashMap<>();
                List<UUID> stored = new ArrayList<>();
                for (UUID request : requests) {
                    kept.timeline(request, lines.getOrDefault(request, 0L),
                            seals.getOrDefault(request, ValueSeal.erasedSeal()).erased())
                            .ifPresentOrElse(t -> inMemory.put(request, t), () -> stored.add(request));
                }
                List<RegisterFold.Summary> rows = new ArrayList<>(fold(c, stored));
                rows.addAll(inMemory.entrySet().parallelStream()
                        .map(t -> RegisterFold.fold(t.getKey(), t.getValue())).toList());
                upsertEntries(c, rows);
                c.commit();
                LOG.debugf("Replay folded %d entries from the events it read, %d from their stored lines",
                        inMemory.size(), stored.size());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static Map<UUID, Long> lineCounts(Connection c, List<UUID> requests) throws SQLException {
        Map<UUID, Long> counts = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select request_id, count(*) from register_timeline"
                + " where request_id = any(?::uuid[]) group by request_id")) {
            s.setArray(1, text(c, requests.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getObject(1, UUID.class), r.getLong(2));
                }
            }
        }
        return counts;
    }

    /** The same transaction-scoped lock per request as the live projection takes; in sorted order, no deadlock. */
    private static void lock(Connection c, Set<UUID> requests) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select count(pg_advisory_xact_lock(k)) from (select distinct hashtext(r::text) as k"
                        + " from unnest(?::uuid[]) r order by 1) locks")) {
            s.setArray(1, text(c, requests.toArray()));
            s.executeQuery().close();
        }
    }

    private record StoredLine(UUID eventId, String type, Instant at, String payload) {
    }

    /**
     * The requests' entries, each folded from its events in time order (event id breaks ties), as the live projection
     * reads them. The lines are read in one query; their JSON is read and folded on all cores.
     */
    private static List<RegisterFold.Summary> fold(Connection c, List<UUID> requests) throws SQLException {
        if (requests.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<StoredLine>> timelines = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("select event_id, request_id, type, at, payload"
                + " from register_timeline where request_id = any(?::uuid[]) order by request_id, at, event_id")) {
            s.setArray(1, text(c, requests.toArray()));
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    timelines.computeIfAbsent(r.getObject(2, UUID.class), k -> new ArrayList<>()).add(new StoredLine(
                            r.getObject(1, UUID.class), r.getString(3), r.getTimestamp(4).toInstant(), r.getString(5)));
                }
            }
        }
        return timelines.entrySet().parallelStream().map(t -> RegisterFold.fold(t.getKey(), t.getValue().stream()
                .map(line -> CloudEventHeaders.fromStored(line.eventId(), line.type(), t.getKey(), line.at(),
                        line.payload())).toList())).toList();
    }

    private static void upsertEntries(Connection c, List<RegisterFold.Summary> rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(RegisterColumn.UPSERT_MANY)) {
            for (RegisterColumn column : RegisterColumn.values()) {
                s.setArray(column.ordinal() + 1, text(c, column(rows, column::text)));
            }
            s.executeUpdate();
        }
    }

    private static <T> Object[] column(List<T> rows, Function<T, Object> value) {
        return rows.stream().map(value).toArray();
    }

    /** Every array goes as text[] and is cast in SQL: one encoding for all column types. */
    private static Array text(Connection c, Object[] values) throws SQLException {
        String[] texts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            texts[i] = values[i] == null ? null : values[i].toString();
        }
        return c.createArrayOf("text", texts);
    }

}
