package nl.pupildata.register;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import nl.pupildata.events.*;
import nl.pupildata.platform.consumer.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Projects all three topics into the register. The topics are separate, so an event may arrive before its
 * request's RequestReceived: the entry is then created with what is known and completed when the rest comes.
 */
@ApplicationScoped
public class RegisterProjection {

    private final IdempotentConsumer consumer;

    public RegisterProjection(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("requests-in")
    public Uni<Void> onRequest(ConsumerRecord<String, String> record) {
        return consumer.consume("register", record, this::apply);
    }

    @Incoming("consents-in")
    public Uni<Void> onConsent(ConsumerRecord<String, String> record) {
        return consumer.consume("register", record, this::apply);
    }

    @Incoming("deadlines-in")
    public Uni<Void> onDeadline(ConsumerRecord<String, String> record) {
        return consumer.consume("register", record, this::apply);
    }

    Uni<Void> apply(EventEnvelope envelope) {
        TimelineEntry line = new TimelineEntry();
        line.eventId = envelope.eventId();
        line.requestId = envelope.requestId();
        line.type = envelope.type().typeName();
        line.at = envelope.time();
        line.actor = envelope.event().actor();
        line.source = envelope.source();
        return RegisterEntry.<RegisterEntry>findById(envelope.requestId())
                .flatMap(found -> {
                    RegisterEntry entry = found != null ? found : newEntry(envelope);
                    project(entry, envelope.event());
                    if (entry.lastEventAt == null || envelope.time().isAfter(entry.lastEventAt)) {
                        entry.lastEventAt = envelope.time();
                    }
                    return found != null ? Uni.createFrom().voidItem() : entry.persist().replaceWithVoid();
                })
                .call(line::persist)
                .replaceWithVoid();
    }

    private static RegisterEntry newEntry(EventEnvelope envelope) {
        RegisterEntry entry = new RegisterEntry();
        entry.requestId = envelope.requestId();
        entry.status = "RECEIVED";
        entry.lastEventAt = envelope.time();
        return entry;
    }

    static void project(RegisterEntry e, PupilDataEvent event) {
        switch (event) {
            case RequestReceived r -> {
                e.schoolBrin = r.schoolBrin();
                e.kind = r.kind().name();
                e.requesterCategory = r.requesterCategory().name();
                e.pupilRef = r.pupilRef();
                e.receivedOn = r.receivedOn();
            }
            case InformationShared s -> {
                e.shares++;
                if (!isFinal(e.status)) {
                    e.status = "ANSWERED";
                }
                e.outcome = "SHARED";
            }
            case RequestRefused r -> {
                e.status = "REFUSED";
                e.outcome = r.partial() ? "PARTIALLY_REFUSED" : "REFUSED";
            }
            case RequestWithdrawn w -> {
                e.status = "WITHDRAWN";
                e.outcome = "WITHDRAWN";
            }
            case RequestClosed c -> {
                e.status = "CLOSED";
                e.closedOn = c.closedOn();
            }
            case ConsentSatisfied s -> e.consentSatisfied = true;
            case ConsentLapsed l -> e.consentSatisfied = false;
            case DeadlineSet d -> {
                if (e.extensions == 0) {
                    e.dueOn = d.dueOn();
                }
            }
            case DeadlineExtended x -> {
                if (x.number() > e.extensions) {
                    e.extensions = x.number();
                    e.dueOn = x.newDueOn();
                }
            }
            case DeadlineMet m -> e.metWithinTerm = m.withinTerm();
            default -> {
                if ("RECEIVED".equals(e.status) && event instanceof RequestEvent) {
                    e.status = "IN_PROGRESS";
                }
            }
        }
    }

    private static boolean isFinal(String status) {
        return "CLOSED".equals(status) || "WITHDRAWN".equals(status) || "REFUSED".equals(status);
    }
}
