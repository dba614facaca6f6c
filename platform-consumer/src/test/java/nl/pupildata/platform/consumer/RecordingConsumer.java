package nl.pupildata.platform.consumer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.pupildata.events.ConsentRequested;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A consumer that records the events it applied, through the platform's idempotent consumer. Like request-service,
 * it stores the description of a {@link ConsentRequested} in the database (here: hands it to PostgreSQL as text).
 */
@ApplicationScoped
public class RecordingConsumer {

    private final List<UUID> applied = new CopyOnWriteArrayList<>();
    private final IdempotentConsumer consumer;

    public RecordingConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    private final Map<UUID, String> descriptions = new ConcurrentHashMap<>();

    List<UUID> applied() {
        return applied;
    }

    /** The information descriptions of the ConsentRequested events applied, as the consumer read them. */
    Map<UUID, String> descriptions() {
        return descriptions;
    }

    @Incoming("test-in")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return consumer.consume("recording", record, envelope -> {
            Uni<?> store = envelope.event() instanceof ConsentRequested q
                    ? Panache.getSession().chain(s -> s.createNativeQuery("select length(cast(:text as text))", Integer.class)
                            .setParameter("text", q.informationDescription()).getSingleResult())
                    : Uni.createFrom().voidItem();
            return store.invoke(() -> {
                if (envelope.event() instanceof ConsentRequested q) {
                    descriptions.put(envelope.eventId(), q.informationDescription());
                }
                applied.add(envelope.eventId());
            }).replaceWithVoid();
        });
    }
}
