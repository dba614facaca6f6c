package nl.pupildata.deadline.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import nl.pupildata.deadline.DeadlineConfig;
import nl.pupildata.deadline.DeadlineTerm;
import nl.pupildata.deadline.domain.StatutoryTerm;
import nl.pupildata.events.*;
import nl.pupildata.platform.consumer.IdempotentConsumer;
import nl.pupildata.platform.eventstore.EventStore;
import nl.pupildata.platform.requests.KnownRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Sets the term from RequestReceived (PA-4); meets it on an answer; cancels it on withdrawal. */
@ApplicationScoped
public class RequestEventsListener {

    static final String SERVICE = "deadline-service";
    private final IdempotentConsumer consumer;
    private final EventStore store;
    private final DeadlineConfig config;
    private final Clock clock;

    public RequestEventsListener(IdempotentConsumer consumer, EventStore store, DeadlineConfig config, Clock clock) {
        this.consumer = consumer;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    @Incoming("requests-in")
    public Uni<Void> onRequestEvent(ConsumerRecord<String, String> record) {
        return consumer.consume("deadline-service.requests", record, this::apply);
    }

    Uni<Void> apply(EventEnvelope envelope) {
        return store.load(envelope.requestId()).flatMap(stream -> {
            StatutoryTerm term = StatutoryTerm.replay(stream.history());
            List<? extends DeadlineEvent> events = switch (envelope.event()) {
                case RequestReceived r -> term.exists() ? List.of() : set(r);
                case InformationShared s ->
                        term.exists() ? term.answered(s.sharedOn(), s.actor()) : List.of();
                case RequestRefused r -> term.exists() ? term.answered(LocalDate.ofInstant(envelope.time(),
                        clock.getZone()), r.actor()) : List.of();
                case RequestWithdrawn w -> term.exists() && !term.cancelled() && term.metOn() == null
                        ? List.of(new DeadlineCancelled(w.requestId(), w.actor())) : List.of();
                default -> List.of();
            };
            Uni<Void> known = envelope.event() instanceof RequestReceived r
                    ? KnownRequest.findById(r.requestId()).flatMap(k -> k == null
                            ? KnownRequest.of(r).persist().replaceWithVoid() : Uni.createFrom().voidItem())
                    : Uni.createFrom().voidItem();
            if (events.isEmpty()) {
                return known;
            }
            StatutoryTerm next = term;
            for (DeadlineEvent e : events) {
                next = next.evolve(e);
            }
            StatutoryTerm result = next;
            return known.chain(() -> store.append(envelope.requestId(), stream.version(), events))
                    .chain(() -> KnownRequest.<KnownRequest>findById(envelope.requestId()))
                    .chain(k -> DeadlineTerm.save(result, k.schoolBrin));
        });
    }

    private List<DeadlineSet> set(RequestReceived r) {
        Period term = config.terms().get(r.kind().name());
        if (term == null) {
            return List.of();
        }
        return List.of(new DeadlineSet(r.requestId(), SERVICE, r.schoolBrin(), r.receivedOn(),
                r.receivedOn().plus(term)));
    }
}
