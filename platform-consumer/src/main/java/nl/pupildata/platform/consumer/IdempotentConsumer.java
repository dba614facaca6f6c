package nl.pupildata.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
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
        return read(consumer, record).chain(envelope -> apply(consumer, record, envelope, apply));
    }

    /**
     * The record's event, its sealed values opened with the request's key (issue 19). A key that has not arrived yet
     * (it travels on its own topic) is waited for, as is a database that is away; a message that can never be read is
     * dead-lettered.
     */
    private Uni<EventEnvelope> read(String consumer, ConsumerRecord<String, String> record) {
        Optional<UUID> request = CloudEventRecords.requestId(record);
        Uni<ValueSeal> seal = request.isEmpty() ? Uni.createFrom().item(ValueSeal.plain())
                : Panache.withSession(() -> keys.sealOf(request.get()));
        return seal.map(s -> CloudEventRecords.fromRecord(record, s))
                .onFailure(InvalidEventException.class).invoke(e -> {
                    deadLettered(consumer, record, "unreadable");
                    LOG.warnf("Dead-lettering message %s-%d@%d: %s", record.topic(), record.partition(),
                            record.offset(), e.getMessage());
                })
                .onFailure(f -> !(f instanceof InvalidEventException)).invoke(f -> {
                    if (f instanceof KeyNotYetKnownException) {
                        LOG.debugf("Consumer %s waits for the key of request %s (%s-%d@%d)", consumer,
                                request.orElse(null), record.topic(), record.partition(), record.offset());
                    } else {
                        LOG.warnf("Consumer %s could not look up the key of request %s yet, retrying: %s", consumer,
                                request.orElse(null), f.getMessage());
                    }
                })
                // The key not here yet, or the database away: held and retried, never dead-lettered.
                .onFailure(f -> !(f instanceof InvalidEventException)).retry().withBackOff(Duration.ofMillis(50),
                        Duration.ofSeconds(10)).indefinitely();
    }

    /** PersonalDataErased: this service's copy of the request's key goes, in the same transaction (issue 19). */
    private Uni<Void> forgetKeyOnErasure(EventEnvelope envelope) {
        return envelope.event() instanceof PersonalDataErased erased ? keys.forget(erased.requestId())
                : Uni.createFrom().voidItem();
    }

    private Uni<Void> apply(String consumer, ConsumerRecord<String, String> record, EventEnvelope envelope,
            Function<EventEnvelope, Uni<Void>> apply) {
        org.jboss.logging.MDC.put(nl.pupildata.platform.logging.RequestIdLogging.KEY, envelope.requestId().toString());
        return Panache.withTransaction(() -> ProcessedEvent.findById(new ProcessedEvent.Key(consumer, envelope.eventId()))
                        .flatMap(done -> done != null
                                ? Uni.createFrom().voidItem()
                                : apply.apply(envelope).call(() -> forgetKeyOnErasure(envelope))
                                        .call(() -> ProcessedEvent.of(consumer, envelope.eventId()).persist())
                                        .replaceWithVoid()))
                .onFailure(PermanentFailure::isPermanent).transform(f -> {
                    String state = PermanentFailure.sqlState(f).orElseThrow();
                    deadLettered(consumer, record, "refused-by-database");
                    // The database's message may quote the value; the SQLSTATE says enough.
                    LOG.warnf("Dead-lettering %s %s at %s-%d@%d: consumer %s cannot store it (SQLSTATE %s), no retry"
                            + " would", envelope.type().typeName(), envelope.eventId(), record.topic(),
                            record.partition(), record.offset(), consumer, state);
                    return new InvalidEventException(envelope.type().typeName() + " cannot be stored by " + consumer
                            + " (SQLSTATE " + state + ")");
                })
                .onFailure(f -> !(f instanceof InvalidEventException))
                .invoke(f -> LOG.warnf("Consumer %s could not apply %s %s yet, retrying: %s", consumer,
                        envelope.type().typeName(), envelope.eventId(), f.getMessage()))
                .onFailure(f -> !(f instanceof InvalidEventException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }

    /** Counts a message moved to the dead-letter topic, in {@code pupil_data_dead_lettered_messages_total}. */
    public void deadLettered(String consumer, ConsumerRecord<String, String> record, String reason) {
        registry.counter("pupil_data_dead_lettered_messages_total", "consumer", consumer, "topic", record.topic(),
                "reason", reason).increment();
    }
}
