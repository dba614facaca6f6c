package nl.pupildata.register.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import nl.pupildata.events.CloudEventHeaders;
import nl.pupildata.events.CloudEventRecords;
import nl.pupildata.events.EventEnvelope;
import nl.pupildata.events.EventJson;
import nl.pupildata.events.InvalidEventException;
import nl.pupildata.events.sealing.ValueSeal;
import nl.pupildata.platform.keys.KeyRing;
import nl.pupildata.register.domain.RegisterFold;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Applies a batch of records to the register in one transaction, with set-based statements instead of a round
 * trip per event: record the event ids as processed (those already applied by the live consumer drop out),
 * add the new ones to the timelines, refold every request the batch touched from its whole timeline, and upsert
 * those entries. The same fold as the live projection, so the result is the same; the same per-request lock, so
 * a live consumer and the replay never fold one request at the same time.
 */
@ApplicationScoped
public class ReplayBatch {

    private static final Logger LOG = Logger.getLogger(ReplayBatch.class);

    private final AgroalDataSource dataSource;

    public ReplayBatch(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The batch's events, their sealed values opened with the keys the register holds. The replay read the whole key
     * topic before (RegisterReplay), and a request's key is published before its first event: a request without a key
     * here is one whose key was erased (and compacted away), so its values read as erased.
     */
    private static Map<UUID, EventEnvelope> read(Connection c, ConsumerRecords<String, String> records,
            Set<UUID> requests, Set<UUID> erased) throws SQLException {
        Map<UUID, ValueSeal> seals = KeyRing.sealsOf(c, requests);
        Map<UUID, EventEnvelope> events = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                ValueSeal seal = CloudEventRecords.requestId(record)
                        .map(id -> seals.getOrDefault(id, ValueSeal.erasedSeal())).orElse(ValueSeal.plain());
                EventEnvelope envelope = CloudEventRecords.fromRecord(record, seal);
                events.putIfAbsent(envelope.eventId(), envelope);
            } catch (InvalidEventException e) {
                // Already in the dead-letter topic from its first delivery; a replay skips it again.
                LOG.debugf("Replay skips an unreadable message at %s-%d@%d", record.topic(), record.partition(),
                        record.offset());
            }
        }
        requests.stream().filter(id -> seals.getOrDefault(id, ValueSeal.erasedSeal()).erased()).forEach(erased::add);
        return events;
    }

    /** @return how many events of the batch were new to the register */
    public int apply(ConsumerRecords<String, String> records) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // The locks first (by the records' subjects), then the keys: an erasure the live consumer is applying
                // is committed before this batch reads whether the key is still there.
                TreeSet<UUID> requests = new TreeSet<>();
                records.forEach(r -> CloudEventRecords.requestId(r).ifPresent(requests::add));
                lock(c, requests);
                Set<UUID> erased = new java.util.HashSet<>();
                Map<UUID, EventEnvelope> events = read(c, records, requests, erased);
                if (events.isEmpty()) {
                    c.commit();
                    return 0;
                }
                List<EventEnvelope> fresh = markProcessed(c, events);
                insertTimeline(c, fresh, erased);
                Map<UUID, List<EventEnvelope>> timelines = timelines(c, requests);
                upsertEntries(c, timelines);
                c.commit();
                return fresh.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The same transaction-scoped lock per request as the live projection takes; in sorted order, no deadlock. */
    private static void lock(Connection c, TreeSet<UUID> requests) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select count(pg_advisory_xact_lock(k)) from (select distinct hashtext(r::text) as k"
                        + " from unnest(?::uuid[]) r order by 1) locks")) {
            s.setArray(1, text(c, requests.toArray()));
            s.executeQuery().close();
        }
    }

    private static List<EventEnvelope> markProcessed(Connection c, Map<UUID, EventEnvelope> events)
            throws SQLException {
        List<EventEnvelope> fresh = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("insert into processed_event (consumer, event_id)"
                + " select ?, e from unnest(?::uuid[]) e on conflict do nothing returning event_id")) {
            s.setString(1, TimelineEntry.CONSUMER);
            s.setArray(2, text(c, events.keySet().toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    fresh.add(events.get(r.getObject(1, UUID.class)));
                }
            }
        }
        return fresh;
    }

    /** The timeline lines, written as the live projection writes them: an erased request's values erased. */
    private static void insertTimeline(Connection c, List<EventEnvelope> fresh, Set<UUID> erased)
            throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("insert into register_timeline"
                + " (event_id, request_id, type, at, actor, source, payload)"
                + " select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::timestamptz[], ?::text[], ?::text[],"
                + " ?::text[]) on conflict do nothing")) {
            s.setArray(1, text(c, column(fresh, EventEnvelope::eventId)));
            s.setArray(2, text(c, column(fresh, EventEnvelope::requestId)));
            s.setArray(3, text(c, column(fresh, e -> e.type().typeName())));
            s.setArray(4, text(c, column(fresh, e -> e.time().toString())));
            s.setArray(5, text(c, column(fresh, e -> e.event().actor())));
            s.setArray(6, text(c, column(fresh, EventEnvelope::source)));
            s.setArray(7, text(c, column(fresh, e -> EventJson.toJson(e.event(),
                    erased.contains(e.requestId()) ? ValueSeal.erasedSeal() : ValueSeal.plain()))));
            s.executeUpdate();
        }
    }

    /** Every touched request's events in time order (event id breaks ties), as the live projection reads them. */
    private static Map<UUID, List<EventEnvelope>> timelines(Connection c, TreeSet<UUID> requests)
            throws SQLException {
        Map<UUID, List<EventEnvelope>> timelines = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("select event_id, request_id, type, at, payload"
                + " from register_timeline where request_id = any(?::uuid[]) order by request_id, at, event_id")) {
            s.setArray(1, text(c, requests.toArray()));
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UUID request = r.getObject(2, UUID.class);
                    timelines.computeIfAbsent(request, k -> new ArrayList<>()).add(CloudEventHeaders.fromStored(
                            r.getObject(1, UUID.class), r.getString(3), request,
                            r.getTimestamp(4).toInstant(), r.getString(5)));
                }
            }
        }
        return timelines;
    }

    private static void upsertEntries(Connection c, Map<UUID, List<EventEnvelope>> timelines) throws SQLException {
        List<RegisterFold.Summary> rows = timelines.entrySet().stream()
                .map(t -> RegisterFold.fold(t.getKey(), t.getValue())).toList();
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
