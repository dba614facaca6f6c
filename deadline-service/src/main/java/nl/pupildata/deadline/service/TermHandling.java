package nl.pupildata.deadline.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.deadline.domain.StatutoryTerm;
import nl.pupildata.deadline.persistence.DeadlineTerm;
import nl.pupildata.events.DeadlineEvent;
import nl.pupildata.events.DeadlineExtended;
import nl.pupildata.events.EventEnvelope;
import nl.pupildata.events.RequestEvent;
import nl.pupildata.events.RequestReceived;
import nl.pupildata.events.model.RequestKind;
import nl.pupildata.platform.eventstore.EventStore;
import nl.pupildata.platform.problem.ProblemException;
import nl.pupildata.platform.requests.KnownRequest;
import nl.pupildata.platform.security.Caller;

/**
 * The term of a request (PA-4, PA-6): load its events, decide with {@link StatutoryTerm}, append, and keep the row
 * the scheduler and the work list query in step — for the request events it follows and the extensions it is asked.
 */
@ApplicationScoped
public class TermHandling {

    public static final String SERVICE = "deadline-service";
    static final String SERVICE_NAME = "termijndienst";

    private final EventStore store;
    private final Clock clock;
    private final Map<RequestKind, Period> terms = new EnumMap<>(RequestKind.class);

    public TermHandling(EventStore store, DeadlineConfig config, Clock clock) {
        this.store = store;
        this.clock = clock;
        config.terms().forEach((kind, term) -> terms.put(RequestKind.valueOf(kind), term));
    }

    /** Follows one request event, inside the consumer's transaction. */
    public Uni<Void> follow(EventEnvelope envelope) {
        if (!(envelope.event() instanceof RequestEvent event)) {
            return Uni.createFrom().voidItem();
        }
        UUID id = envelope.requestId();
        Uni<Void> known = event instanceof RequestReceived r
                ? KnownRequest.findById(id).flatMap(k -> k == null
                        ? KnownRequest.of(r).persist().replaceWithVoid() : Uni.createFrom().voidItem())
                : Uni.createFrom().voidItem();
        return known.chain(() -> store.load(id)).flatMap(stream -> {
            StatutoryTerm term = StatutoryTerm.replay(stream.history());
            List<DeadlineEvent> events = term.follow(event, terms,
                    LocalDate.ofInstant(envelope.time(), clock.getZone()), SERVICE);
            return events.isEmpty() ? Uni.createFrom().voidItem() : append(id, stream, term, events).replaceWithVoid();
        });
    }

    /** PA-6: one more month, judged by the privacy officer. */
    public Uni<StatutoryTerm> extend(UUID id, String reason, LocalDate guardiansNotifiedOn, Caller caller) {
        String actor = caller.actor();
        LocalDate today = LocalDate.now(clock);
        return Panache.withTransaction(() -> KnownRequest.require(id, caller, SERVICE_NAME)
                .chain(() -> store.load(id)).flatMap(stream -> {
                    StatutoryTerm term = StatutoryTerm.replay(stream.history());
                    if (!term.exists()) {
                        throw ProblemException.conflict("Voor dit verzoek loopt geen wettelijke termijn.");
                    }
                    DeadlineExtended extension = term.extend(reason, guardiansNotifiedOn, actor, today);
                    return append(id, stream, term, List.of(extension));
                }));
    }

    /** The term as it stands; 404 for a request without one. */
    public Uni<StatutoryTerm> load(UUID id, Caller caller) {
        return Panache.withSession(() -> KnownRequest.require(id, caller, SERVICE_NAME).chain(() -> store.load(id)))
                .map(stream -> {
                    StatutoryTerm term = StatutoryTerm.replay(stream.history());
                    if (!term.exists()) {
                        throw ProblemException.notFound("Voor verzoek " + id + " loopt geen wettelijke termijn.");
                    }
                    return term;
                });
    }

    private Uni<StatutoryTerm> append(UUID id, EventStore.Stream stream, StatutoryTerm term,
            List<? extends DeadlineEvent> events) {
        StatutoryTerm next = term;
        for (DeadlineEvent e : events) {
            next = next.evolve(e);
        }
        StatutoryTerm result = next;
        return store.append(stream, events)
                .chain(() -> KnownRequest.<KnownRequest>findById(id))
                .chain(k -> DeadlineTerm.save(result, k.schoolBrin))
                .replaceWith(result);
    }
}
