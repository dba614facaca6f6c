package nl.pupildata.platform.consumer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer that records the events it applied, through the platform's idempotent consumer. */
@ApplicationScoped
public class RecordingConsumer {

    private final List<UUID> applied = new CopyOnWriteArrayList<>();
    private final IdempotentConsumer consumer;

    public RecordingConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    List<UUID> applied() {
        return applied;
    }

    @Incoming("test-in")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume("recording", record, envelope -> {
            applied.add(envelope.eventId());
            return Uni.createFrom().voidItem();
        });
    }
}
