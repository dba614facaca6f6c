package nl.pupildata.deadline.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import nl.pupildata.deadline.service.TermHandling;
import nl.pupildata.platform.consumer.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The request events the term follows (PA-4): set on receipt, met on an answer, cancelled on withdrawal. */
@ApplicationScoped
public class RequestEventsListener {

    private final IdempotentConsumer consumer;
    private final TermHandling terms;

    public RequestEventsListener(IdempotentConsumer consumer, TermHandling terms) {
        this.consumer = consumer;
        this.terms = terms;
    }

    @Incoming("requests-in")
    public Uni<Void> onRequestEvent(ConsumerRecord<String, String> record) {
        return consumer.consume("deadline-service.requests", record, terms::follow);
    }
}
