package nl.pupildata.request.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.function.Consumer;
import nl.pupildata.events.ConsentExemptionGranted;
import nl.pupildata.events.ConsentLapsed;
import nl.pupildata.events.ConsentSatisfied;
import nl.pupildata.events.DeadlineExtended;
import nl.pupildata.events.DeadlineSet;
import nl.pupildata.events.EventEnvelope;
import nl.pupildata.platform.consumer.IdempotentConsumer;
import nl.pupildata.request.persistence.RequestView;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What request-service knows of consent and terms it learns from their events only (never by calling the
 * other services): consent satisfied or lapsed (G-2, G-5), and the current due date.
 */
@ApplicationScoped
public class OtherServicesListener {

    private final IdempotentConsumer consumer;

    public OtherServicesListener(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("consents-in")
    public Uni<Void> onConsentEvent(ConsumerRecord<String, String> record) {
        return consumer.consume("request-service.consents", record, this::apply);
    }

    @Incoming("deadlines-in")
    public Uni<Void> onDeadlineEvent(ConsumerRecord<String, String> record) {
        return consumer.consume("request-service.deadlines", record, this::apply);
    }

    Uni<Void> apply(EventEnvelope envelope) {
        return switch (envelope.event()) {
            case ConsentSatisfied s -> update(envelope, v -> {
                v.consentSatisfied = true;
                v.consentLapsed = false;
            });
            case ConsentLapsed l -> update(envelope, v -> {
                v.consentSatisfied = false;
                v.consentLapsed = true;
            });
            case ConsentExemptionGranted x -> update(envelope, v -> v.exemption = x.ground().name());
            case DeadlineSet d -> update(envelope, v -> v.dueOn = d.dueOn());
            case DeadlineExtended d -> update(envelope, v -> v.dueOn = d.newDueOn());
            default -> Uni.createFrom().voidItem();
        };
    }

    private static Uni<Void> update(EventEnvelope envelope, Consumer<RequestView> change) {
        return RequestView.<RequestView>findById(envelope.requestId()).invoke(view -> {
            if (view != null) {
                change.accept(view);
                view.updatedAt = Instant.now();
            }
        }).replaceWithVoid();
    }
}
