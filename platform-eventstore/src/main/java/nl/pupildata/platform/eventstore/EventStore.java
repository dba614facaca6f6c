package nl.pupildata.platform.eventstore;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.events.CloudEventHeaders;
import nl.pupildata.events.EventEnvelope;
import nl.pupildata.events.EventJson;
import nl.pupildata.events.PupilDataEvent;
import nl.pupildata.events.sealing.ValueSeal;
import nl.pupildata.platform.keys.KeyRing;
import nl.pupildata.platform.problem.ConcurrencyConflictException;
import nl.pupildata.platform.sql.NativeSelect;

/**
 * The service's own event store (Hibernate Reactive Panache over the reactive PostgreSQL client). Appends
 * write the events and their outbox rows in the caller's transaction, so both commit or neither does; the relay
 * ({@link nl.pupildata.platform.outbox.OutboxRelay}) reads the outbox.
 */
@ApplicationScoped
public class EventStore {

    private final Clock clock;
    private final KeyRing keys;

    public EventStore(Clock clock, KeyRing keys) {
        this.clock = clock;
        this.keys = keys;
    }

    /**
     * A stream as loaded: its events in order, its current version (0 when it does not exist), and the seal its
     * values were read with — the one an append after it writes with ({@link #append(Stream, List)}).
     */
    public record Stream(UUID streamId, List<EventEnvelope> events, ValueSeal seal) {
        public int version() {
            return events.size();
        }

        public List<PupilDataEvent> history() {
            return events.stream().map(EventEnvelope::event).toList();
        }
    }

    /**
     * A stream's events with its request's seal, in one round trip: one row when the stream has no events (the seal,
     * the event columns null), otherwise a row per event in order, each with the seal. The time is read as
     * microseconds since the epoch, which is exactly what PostgreSQL keeps.
     */
    private static final String LOAD = "select " + KeyRing.SEAL_COLUMNS + ", e.event_id, e.type, e.payload,"
            + " cast(extract(epoch from e.occurred_at) * 1000000 as bigint)"
            + " from (select 1) as one left join event_store e on e.stream_id = :keyOf order by e.version";

    /** The stream, its sealed values opened with the request's key (or read as erased once it was erased). */
    public Uni<Stream> load(UUID streamId) {
        return Panache.getSession().chain(s -> NativeSelect.<Object[]>of(s, LOAD, Map.of("keyOf", streamId))
                .getResultList()).map(rows -> {
                    ValueSeal seal = KeyRing.sealFrom(streamId, rows.get(0), 0);
                    List<EventEnvelope> events = new ArrayList<>(rows.size());
                    for (Object[] row : rows) {
                        if (row[2] != null) {
                            events.add(CloudEventHeaders.fromStored((UUID) row[2], (String) row[3], streamId,
                                    Instant.EPOCH.plus(((Number) row[5]).longValue(), ChronoUnit.MICROS),
                                    (String) row[4], seal));
                        }
                    }
                    return new Stream(streamId, List.copyOf(events), seal);
                });
    }

    /**
     * Many streams at once, in two queries (their keys, then their events) however many they are: what a list that
     * shows something of each request's state needs. A stream without events is left out.
     */
    public Uni<Map<UUID, Stream>> load(Collection<UUID> streamIds) {
        if (streamIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return keys.sealsOf(streamIds).chain(seals -> StoredEvent.<StoredEvent>list(
                "streamId in ?1 order by streamId, version", List.copyOf(streamIds)).map(rows -> {
                    Map<UUID, List<EventEnvelope>> events = new LinkedHashMap<>();
                    for (StoredEvent row : rows) {
                        ValueSeal seal = seals.getOrDefault(row.streamId, ValueSeal.notYetKnown(row.streamId));
                        events.computeIfAbsent(row.streamId, id -> new ArrayList<>()).add(toEnvelope(row, seal));
                    }
                    Map<UUID, Stream> streams = new LinkedHashMap<>();
                    events.forEach((id, list) -> streams.put(id, new Stream(id, List.copyOf(list),
                            seals.getOrDefault(id, ValueSeal.notYetKnown(id)))));
                    return streams;
                }));
    }

    /**
     * Appends events after {@code expectedVersion}, their {@link nl.pupildata.events.sealing.Sealed} values sealed
     * with the request's key (which request-service issued at intake, and the others received); must run inside a
     * transaction.
     *
     * @return the envelopes written, failing with {@link ConcurrencyConflictException} when another append
     *     took one of the versions first.
     */
    public Uni<List<EventEnvelope>> append(UUID streamId, int expectedVersion, List<? extends PupilDataEvent> events) {
        return keys.sealOf(streamId).chain(seal -> append(streamId, expectedVersion, events, seal));
    }

    /** Appends after the stream as loaded, with the seal it was read with: the request's key is not looked up twice. */
    public Uni<List<EventEnvelope>> append(Stream stream, List<? extends PupilDataEvent> events) {
        return append(stream.streamId(), stream.version(), events, stream.seal());
    }

    /** As {@link #append(UUID, int, List)}, with the request's seal the caller has (the key it just issued). */
    public Uni<List<EventEnvelope>> append(UUID streamId, int expectedVersion, List<? extends PupilDataEvent> events,
            ValueSeal seal) {
        // PostgreSQL keeps microseconds: the envelopes returned are then exactly what is stored and published.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String traceparent = traceparent(io.opentelemetry.api.trace.Span.current().getSpanContext());
        List<EventEnvelope> envelopes = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        int version = expectedVersion;
        for (PupilDataEvent event : events) {
            if (!streamId.equals(event.requestId())) {
                throw new IllegalArgumentException("Event for " + event.requestId() + " appended to " + streamId);
            }
            EventEnvelope envelope = EventEnvelope.wrap(event, now);
            envelopes.add(envelope);
            Map<String, Object> values = rowValues(envelope, ++version, seal, traceparent);
            chain = chain.call(() -> Panache.getSession().chain(s -> {
                var query = s.createNativeQuery(APPEND);
                values.forEach(query::setParameter);
                return query.executeUpdate();
            }));
        }
        return chain
                .onFailure(EventStore::isVersionConflict)
                .transform(e -> new ConcurrencyConflictException(streamId, expectedVersion))
                .replaceWith(envelopes);
    }

    /**
     * The first event of a new stream, as two parts of {@code statement} ({@code appended}, {@code queued}): its row
     * and its outbox row, written when the statement runs; for a write that is one statement without a transaction
     * (intake). Its values sealed with {@code seal}, the new request's key.
     *
     * @return the envelope the statement writes
     */
    public EventEnvelope appendFirst(OneStatement statement, PupilDataEvent event, ValueSeal seal) {
        EventEnvelope envelope = EventEnvelope.wrap(event, clock.instant().truncatedTo(ChronoUnit.MICROS));
        Map<String, Object> values = rowValues(envelope, 1, seal,
                traceparent(io.opentelemetry.api.trace.Span.current().getSpanContext()));
        statement.with("appended", INSERT_EVENT, values)
                .with("queued", INSERT_OUTBOX + " returning event_id", values);
        return envelope;
    }

    /**
     * The values of an event's row and its outbox row, named as {@link #INSERT_EVENT} and {@link #INSERT_OUTBOX} name
     * them.
     */
    private static Map<String, Object> rowValues(EventEnvelope envelope, int version, ValueSeal seal,
            String traceparent) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("eventId", envelope.eventId());
        values.put("streamId", envelope.requestId());
        values.put("version", version);
        values.put("type", envelope.type().typeName());
        values.put("payload", EventJson.toJson(envelope.event(), seal));
        values.put("actor", envelope.event().actor());
        values.put("occurredAt", envelope.time());
        values.put("topic", envelope.topic().topicName());
        values.put("traceparent", traceparent);
        return values;
    }

    /** An event's row; {@link #INSERT_OUTBOX} reads the event id it returns, by the name {@code appended}. */
    private static final String INSERT_EVENT = "insert into event_store"
            + " (event_id, stream_id, version, type, payload, actor, occurred_at)"
            + " values (:eventId, :streamId, :version, :type, :payload, :actor, :occurredAt) returning event_id";

    /** The event's outbox row. */
    private static final String INSERT_OUTBOX = "insert into outbox (event_id, topic, traceparent)"
            + " select event_id, :topic, cast(:traceparent as text) from appended";

    /**
     * An event's row and its outbox row, in one statement: one round trip per event, and no entity for Hibernate to
     * manage (the busiest commands append one event; the row's identity column is then never read back).
     */
    private static final String APPEND = "with appended as (" + INSERT_EVENT + ") " + INSERT_OUTBOX;

    /** The W3C traceparent of a span context, or null when there is no (sampled or unsampled) valid span. */
    static String traceparent(io.opentelemetry.api.trace.SpanContext context) {
        if (context == null || !context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    static boolean isVersionConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("event_store_stream_version")) {
                return true;
            }
        }
        return false;
    }

    static EventEnvelope toEnvelope(StoredEvent row, ValueSeal seal) {
        return CloudEventHeaders.fromStored(row.eventId, row.type, row.streamId, row.occurredAt, row.payload, seal);
    }

}
