package nl.pupildata.platform.keys;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import nl.pupildata.events.InvalidEventException;
import nl.pupildata.events.sealing.KeyRecords;
import nl.pupildata.platform.consumer.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps this service's copy of the request keys in step with the key topic (issue 19): a key is learned, a tombstone
 * deletes it. Both are idempotent, so a redelivery changes nothing; an erased key is never taken in again. A record
 * that is not a request key is dead-lettered; any other failure (the database away) is retried.
 */
@ApplicationScoped
public class KeyListener {

    private static final Logger LOG = Logger.getLogger(KeyListener.class);

    private final KeyRing keys;
    private final IdempotentConsumer consumers;

    public KeyListener(KeyRing keys, IdempotentConsumer consumers) {
        this.keys = keys;
        this.consumers = consumers;
    }

    @Incoming("keys-in")
    public Uni<Void> onKey(ConsumerRecord<String, String> record) {
        KeyRecords.KeyMessage key;
        try {
            key = KeyRecords.fromRecord(record);
        } catch (IllegalArgumentException e) {
            consumers.deadLettered("keys", record, "unreadable");
            LOG.warnf("Dead-lettering message %s-%d@%d: not a request key", record.topic(), record.partition(),
                    record.offset());
            return Uni.createFrom().failure(new InvalidEventException("Not a request key"));
        }
        // One statement each, atomic on its own: no session, no transaction around it.
        return key.secret().map(secret -> keys.learn(key.requestId(), secret))
                        .orElseGet(() -> keys.forgetAlone(key.requestId()))
                .onFailure().invoke(f -> LOG.warnf("Could not keep the key of request %s yet, retrying: %s",
                        key.requestId(), f.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }
}
