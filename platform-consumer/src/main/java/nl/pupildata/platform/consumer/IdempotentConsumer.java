package nl.pupildata.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import nl.pupildata.events.CloudEventHeaders;
import nl.pupildata.events.CloudEventRecords;
import nl.pupildata.events.EventEnvelope;
import nl.pupildata.events.InvalidEventException;
import nl.pupildata.events.PersonalDataErased;
import nl.pupildata.events.sealing.KeyNotYetKnownException;
import nl.pupildata.events.sealing.ValueSeal;
import nl.pupildata.platform.keys.KeyRing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Applies an event from Kafka exactly once per consumer: the event id is recorded in the same transaction
 * as the state change, so a redelivered event changes nothing. A message that can never be read fails
 * with {@link InvalidEventException}; the channel's dead-letter strategy moves it aside with the reason, and
 * the next message is processed. So is a message whose state change the database refuses as data (a NUL
 * character, a value too long: {@link PermanentFailure}), which would fail on every retry and hold its partition
 * for ever. Any other failure (the database is away) is retried with back-off, holding the partition so that
 * nothing is skipped and order is kept. Both dead-letter paths count in
 * {@code pupil_data_dead_lettered_messages_total}, tagged with the reason.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final MeterRegistry registry;
    private final KeyRing keys;

    public IdempotentConsumer(MeterRegistry registry, KeyRing keys) {
        this.registry = registry;
        this.keys = keys;
    }

    /**
     * @param consumer the consumer's name (one per projection or reaction within a service)
     * @param apply the state change; runs inside the transaction that records the event id
     */
    public Uni<Void> consume(String consumer, ConsumerRecord<String, String> record,
            Function<EventEnvelope, Uni<Void>> apply) {
        Map<String, String> headers = CloudEventRecords.headers(record.headers());
        String what = headers.getOrDefault(CloudEventHeaders.TYPE, "?") + " " + headers.getOrDefault(
                CloudEventHeaders.ID, "?");
        Optional<UUID> request = CloudEventRecords.requestId(record);
        request.ifPresent(id -> org.jboss.logging.MDC.put(nl.pupildata.platform.logging.RequestIdLogging.KEY,
                id.toString()));
        UUID eventId = eventId(headers);
        // The event is recorded and read in the transaction that applies it: its id recorded and the request's key
        // (issue 19) read in one statement. A redelivery is still read, so a forged or unreadable copy of an applied
        // event is dead-lettered as before; an event that cannot be applied takes its record back with the rollback.
        Uni<Void> applied = eventId == null
                ? Uni.createFrom().item(() -> read(consumer, record, ValueSeal.plain())).replaceWithVoid()
                : Panache.withTransaction(() -> ProcessedEvent.record(consumer, eventId, request)
                        .chain(recorded -> {
                            EventEnvelope envelope = read(consumer, record, recorded.seal());
                            return recorded.first() ? apply.apply(envelope).call(() -> forgetKeyOnErasure(envelope))
                                    : Uni.createFrom().voidItem();
                        }));
        return applied
                .onFailure(PermanentFailure::isPermanent).transform(f -> {
                    String state = PermanentFailure.sqlState(f).orElseThrow();
                    deadLettered(consumer, record, "refused-by-database");
                    // The database's message may quote the value; the SQLSTATE says enough.
                    LOG.warnf("Dead-lettering %s at %s-%d@%d: consumer %s cannot store it (SQLSTATE %s), no retry"
                            + " would", what, record.topic(), record.partition(), record.offset(), consumer, state);
                    return new InvalidEventException(headers.getOrDefault(CloudEventHeaders.TYPE, "?")
                            + " cannot be stored by " + consumer + " (SQLSTATE " + state + ")");
                })
                .onFailure(f -> !(f instanceof InvalidEventException)).invoke(f -> {
                    if (f instanceof KeyNotYetKnownException) {
                        // Its key travels on its own topic and may come a moment later.
                        LOG.debugf("Consumer %s waits for the key of request %s for %s", consumer,
                                request.orElse(null), what);
                    } else {
                        LOG.warnf("Consumer %s could not apply %s yet, retrying: %s", consumer, what, f.getMessage());
                    }
                })
                // The key not here yet, or the database away: held and retried, never dead-lettered.
                .onFailure(f -> !(f instanceof InvalidEventException))
                .retry().withBackOff(Duration.ofMillis(50), Duration.ofSeconds(10)).indefinitely();
    }

    /** The record's event id, or null when it has none that reads as one (reading it then dead-letters it). */
    private static UUID eventId(Map<String, String> headers) {
        try {
            return UUID.fromString(headers.get(CloudEventHeaders.ID));
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /** The record's event, its sealed values opened with {@code seal}; a message that can never be read is counted. */
    private EventEnvelope read(String consumer, ConsumerRecord<String, String> record, ValueSeal seal) {
        try {
            return CloudEventRecords.fromRecord(record, seal);
        } catch (InvalidEventException e) {
            deadLettered(consumer, record, "unreadable");
            LOG.warnf("Dead-lettering message %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            throw e;
        }
    }

    /** PersonalDataErased: this service's copy of the request's key goes, in the same transaction (issue 19). */
    private Uni<Void> forgetKeyOnErasure(EventEnvelope envelope) {
        return envelope.event() instanceof PersonalDataErased erased ? keys.forget(erased.requestId())
                : Uni.createFrom().voidItem();
    }

    /** Counts a message moved to the dead-letter topic, in {@code pupil_data_dead_lettered_messages_total}. */
    public void deadLettered(String consumer, ConsumerRecord<String, String> record, String reason) {
        registry.counter("pupil_data_dead_lettered_messages_total", "consumer", consumer, "topic", record.topic(),
                "reason", reason).increment();
    }
}
