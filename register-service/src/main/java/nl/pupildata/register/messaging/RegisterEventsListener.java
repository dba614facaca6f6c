package nl.pupildata.register.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import nl.pupildata.platform.consumer.IdempotentConsumer;
import nl.pupildata.register.persistence.TimelineEntry;
import nl.pupildata.register.service.RegisterProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** All three topics feed the register (PA-5), each event once. */
@ApplicationScoped
public class RegisterEventsListener {

    private final IdempotentConsumer consumer;

    public RegisterEventsListener(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("requests-in")
    public Uni<Void> onRequest(ConsumerRecord<String, String> record) {
        return apply(record);
    }

    @Incoming("consents-in")
    public Uni<Void> onConsent(ConsumerRecord<String, String> record) {
        return apply(record);
    }

    @Incoming("deadlines-in")
    public Uni<Void> onDeadline(ConsumerRecord<String, String> record) {
        return apply(record);
    }

    private Uni<Void> apply(ConsumerRecord<String, String> record) {
        return consumer.consume(TimelineEntry.CONSUMER, record, RegisterProjection::project);
    }
}
