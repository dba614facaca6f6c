package nl.pupildata.request.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import nl.pupildata.events.ConsentExemptionGranted;
import nl.pupildata.events.ConsentGranted;
import nl.pupildata.events.ConsentLapsed;
import nl.pupildata.events.ConsentRequested;
import nl.pupildata.events.ConsentSatisfied;
import nl.pupildata.events.DeadlineExtended;
import nl.pupildata.events.DeadlineSet;
import nl.pupildata.events.EventEnvelope;
import nl.pupildata.events.model.ConsentPurpose;
import nl.pupildata.platform.consumer.IdempotentConsumer;
import nl.pupildata.request.persistence.ConsentActor;
import nl.pupildata.request.persistence.LearnedFacts;
import nl.pupildata.request.persistence.RequestView;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What request-service knows of consent and terms it learns from their events only (never by calling the
 * other services): consent satisfied or lapsed (G-2, G-5; SWV-5's own consent apart), who asked for or recorded it (G-3), and the current due
 * date.
 */
@ApplicationScoped
public class OtherServicesListener {

    private final IdempotentConsumer consumer;
    private final Clock clock;

    public OtherServicesListener(IdempotentConsumer consumer, Clock clock) {
        this.consumer = consumer;
        this.clock = clock;
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
        UUID id = envelope.requestId();
        Instant now = Instant.now(clock);
        Uni<Integer> update = switch (envelope.event()) {
            case ConsentSatisfied s when ConsentPurpose.of(s.purpose()) == ConsentPurpose.NEXT_SCHOOL_CONTACT ->
                    RequestView.updateNextSchoolContactConsent(id, true, now);
            case ConsentLapsed l when ConsentPurpose.of(l.purpose()) == ConsentPurpose.NEXT_SCHOOL_CONTACT ->
                    RequestView.updateNextSchoolContactConsent(id, false, now);
            case ConsentSatisfied s -> RequestView.updateConsent(id, true, false, now);
            case ConsentLapsed l -> RequestView.updateConsent(id, false, true, now);
            case ConsentExemptionGranted x -> RequestView.updateExemption(id, x.ground().name(), now);
            case ConsentRequested q -> ConsentActor.record(id, q.actor()).call(() ->
                    ConsentPurpose.of(q.purpose()) == ConsentPurpose.REQUEST
                            ? LearnedFacts.consentRequested(id, q.guardianId(), q.informationDescription())
                            : Uni.createFrom().item(0));
            case ConsentGranted g -> ConsentActor.record(id, g.actor());
            case DeadlineSet d -> RequestView.updateDueOn(id, d.dueOn(), now);
            case DeadlineExtended d -> RequestView.updateDueOn(id, d.newDueOn(), now)
                    .call(() -> LearnedFacts.extended(id, d.number(), d.newDueOn(), d.reason()));
            default -> Uni.createFrom().item(0);
        };
        return update.replaceWithVoid();
    }
}
