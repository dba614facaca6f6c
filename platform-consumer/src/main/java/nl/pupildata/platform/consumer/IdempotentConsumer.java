package nl.pupildata.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Function;
import nl.pupildata.events.CloudEventRecords;
import nl.pupildata.events.EventEnvelope;
import nl.pupildata.events.InvalidEventException;
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

    public IdempotentConsumer(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param consumer the consumer's name (one per projection or reaction within a service)
     * @param apply the state change; runs inside the transaction that records the event id
     */
    public Uni<Void> consume(String consumer, ConsumerRecord<String, String> record,
            Function<EventEnvelope, Uni<Void>> apply) {
        EventEnvelope envelope;
        try {
            envelope = CloudEventRecords.fromRecord(record);
        } catch (InvalidEventException e) {
            deadLettered(consumer, record, "unreadable");
            LOG.warnf("Dead-lettering message %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return Uni.createFrom().failure(e);
        }
        org.jboss.logging.MDC.put(nl.pupildata.platform.logging.RequestIdLogging.KEY, envelope.requestId().toString());
        return Panache.withTransaction(() -> ProcessedEvent.findById(new ProcessedEvent.Key(consumer, envelope.eventId()))
                        .flatMap(done -> done != null
                                ? Uni.createFrom().voidItem()
                                : apply.apply(envelope).call(() -> ProcessedEvent.of(consumer, envelope.eventId()).persist())
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

    private void deadLettered(String consumer, ConsumerRecord<String, String> record, String reason) {
        registry.counter("pupil_data_dead_lettered_messages_total", "consumer", consumer, "topic", record.topic(),
                "reason", reason).increment();
    }
}
