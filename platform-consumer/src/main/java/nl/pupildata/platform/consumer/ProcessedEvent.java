package nl.pupildata.platform.consumer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.pupildata.events.sealing.ValueSeal;
import nl.pupildata.platform.keys.KeyRing;
import nl.pupildata.platform.sql.NativeSelect;

/**
 * The events a consumer has applied ({@code processed_event}); an event's id is recorded in the same transaction as
 * the state change it causes.
 */
public final class ProcessedEvent {

    private static final String RECORD = "insert into processed_event (consumer, event_id) values (:consumer, :eventId)"
            + " on conflict do nothing";
    /** {@link #RECORD} and the request's seal ({@link KeyRing#SEAL_COLUMNS}): one round trip for both. */
    private static final String RECORD_READING_SEAL = "with recorded as (" + RECORD + " returning 1)"
            + " select (select count(*) from recorded), " + KeyRing.SEAL_COLUMNS;

    private ProcessedEvent() {
    }

    /** Whether the consumer applies the event now ({@code first}), and the seal its values open with. */
    public record Recorded(boolean first, ValueSeal seal) {
    }

    /**
     * Records, in the caller's transaction, that {@code consumer} applies this event: first the first time, not when
     * it was recorded before (a redelivery). One statement instead of a lookup and an insert; an instance that reads
     * the same event at the same moment waits on the row and then finds it recorded. With a request, the same
     * statement reads the request's seal (its key as this service knows it, {@link KeyRing}); without, the seal is
     * plain. Should the event then not apply (its key not yet here, it cannot be read), the caller's rollback takes
     * the record back.
     */
    public static Uni<Recorded> record(String consumer, UUID eventId, Optional<UUID> requestId) {
        if (requestId.isEmpty()) {
            return Panache.getSession().chain(s -> s.createNativeQuery(RECORD).setParameter("consumer", consumer)
                    .setParameter("eventId", eventId).executeUpdate()).map(rows -> new Recorded(rows == 1,
                    ValueSeal.plain()));
        }
        UUID request = requestId.get();
        return Panache.getSession().chain(s -> NativeSelect.<Object[]>of(s, RECORD_READING_SEAL, Map.of("consumer",
                        consumer, "eventId", eventId, "keyOf", request)).getSingleResult())
                .map(row -> new Recorded(((Number) row[0]).longValue() == 1, KeyRing.sealFrom(request, row, 1)));
    }
}
