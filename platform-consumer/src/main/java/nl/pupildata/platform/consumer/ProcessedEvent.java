package nl.pupildata.platform.consumer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * The events a consumer has applied ({@code processed_event}); an event's id is recorded in the same transaction as
 * the state change it causes.
 */
public final class ProcessedEvent {

    private static final String RECORD = "insert into processed_event (consumer, event_id) values (:consumer, :eventId)"
            + " on conflict do nothing";

    private ProcessedEvent() {
    }

    /**
     * Records, in the caller's transaction, that {@code consumer} applies this event: true the first time, false when
     * it was recorded before (a redelivery). One statement instead of a lookup and an insert; an instance that reads
     * the same event at the same moment waits on the row and then gets false.
     */
    public static Uni<Boolean> record(String consumer, UUID eventId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(RECORD).setParameter("consumer", consumer)
                .setParameter("eventId", eventId).executeUpdate()).map(rows -> rows == 1);
    }
}
