package nl.pupildata.consent.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import nl.pupildata.consent.domain.ConsentRules;
import nl.pupildata.consent.persistence.OfficerAdvice;
import nl.pupildata.events.ConsultationAnswered;
import nl.pupildata.consent.domain.ConsentState;
import nl.pupildata.events.EventEnvelope;
import nl.pupildata.events.GuardiansCorrected;
import nl.pupildata.events.model.RequestKind;
import nl.pupildata.events.RequestReceived;
import nl.pupildata.platform.consumer.IdempotentConsumer;
import nl.pupildata.platform.eventstore.EventStore;
import nl.pupildata.platform.requests.KnownRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * G-4: every new request gets its consent requirement, published as ConsentRequirementDetermined, and again when its
 * guardians are corrected; G-9 / OSO-4: the
 * officers' answered consultations are kept for the exemptions that rest on them.
 */
@ApplicationScoped
public class RequestEventsListener {

    private final IdempotentConsumer consumer;
    private final EventStore store;

    public RequestEventsListener(IdempotentConsumer consumer, EventStore store) {
        this.consumer = consumer;
        this.store = store;
    }

    @Incoming("requests-in")
    public Uni<Void> onRequestEvent(ConsumerRecord<String, String> record) {
        return consumer.consume("consent-service.requests", record, this::apply);
    }

    Uni<Void> apply(EventEnvelope envelope) {
        if (envelope.event() instanceof ConsultationAnswered answered) {
            // G-9 / OSO-4: an exemption may rest on it (a redelivery finds it known: the consumer skips it).
            return OfficerAdvice.of(answered).persist().replaceWithVoid();
        }
        if (envelope.event() instanceof GuardiansCorrected corrected) {
            // G-4 / G-5: who must consent is determined again; a consent without authority stops counting.
            return KnownRequest.<KnownRequest>findById(corrected.requestId()).flatMap(request -> request == null
                    ? Uni.createFrom().failure(new IllegalStateException("Guardians corrected for a request not "
                            + "yet known: " + corrected.requestId()))
                    : store.load(corrected.requestId()).flatMap(stream -> store.append(stream,
                            ConsentRules.redetermine(ConsentState.replay(stream.history()),
                                    RequestKind.valueOf(request.kind), corrected)))).replaceWithVoid();
        }
        if (!(envelope.event() instanceof RequestReceived received)) {
            return Uni.createFrom().voidItem();
        }
        KnownRequest request = KnownRequest.of(received);
        return store.load(received.requestId()).flatMap(stream -> stream.version() > 0
                ? Uni.createFrom().voidItem()
                : store.append(stream, List.of(ConsentRules.requirementFor(received)))
                        .call(request::persist).replaceWithVoid());
    }
}
