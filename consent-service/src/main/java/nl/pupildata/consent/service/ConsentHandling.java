package nl.pupildata.consent.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.pupildata.consent.domain.ConsentRules;
import nl.pupildata.consent.domain.ConsentState;
import nl.pupildata.consent.persistence.ExemptionConsultation;
import nl.pupildata.consent.persistence.OfficerAdvice;
import nl.pupildata.events.ConsentEvent;
import nl.pupildata.events.ConsentLapsed;
import nl.pupildata.events.EventEnvelope;
import nl.pupildata.events.model.Consultation;
import nl.pupildata.events.model.RequestKind;
import nl.pupildata.platform.eventstore.EventStore;
import nl.pupildata.platform.requests.KnownRequest;
import nl.pupildata.platform.security.Caller;

/**
 * Runs consent commands, each in one transaction: load the request's consent events, decide with the pure rules,
 * append, and keep the consultation an exemption rests on beside it (never on Kafka).
 */
@ApplicationScoped
public class ConsentHandling {

    static final String SERVICE_NAME = "toestemmingsdienst";

    private final EventStore store;
    private final MeterRegistry metrics;

    public ConsentHandling(EventStore store, MeterRegistry metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    /** The consent events of a request and who was consulted for its exemptions, by exemption event. */
    public record Consent(EventStore.Stream stream, Map<UUID, String> consulted) {
        public ConsentState state() {
            return ConsentState.replay(stream.history());
        }
    }

    public Uni<Consent> load(UUID id, Caller caller) {
        return Panache.withSession(() -> known(id, caller).chain(() -> read(id)));
    }

    public Uni<Consent> handle(UUID id, ConsentRules.Command command, Caller caller) {
        String actor = caller.actor();
        return Panache.withTransaction(() -> known(id, caller).flatMap(request -> store.load(id).flatMap(stream ->
                OfficerAdvice.latest(id, Consultation.QUALITY_OFFICER).flatMap(advice -> {
                    ConsentState state = ConsentState.replay(stream.history());
                    List<ConsentEvent> events = ConsentRules.decide(command, state, RequestKind.valueOf(request.kind),
                            actor, advice.isPresent());
                    Uni<List<EventEnvelope>> appended = store.append(stream, events);
                    if (command instanceof ConsentRules.Exempt) {
                        // G-9 / OSO-4: the answered consultation is recorded with the exemption, here only.
                        appended = appended.call(envelopes -> ExemptionConsultation.of(envelopes.get(0).eventId(), id,
                                advice.orElseThrow()).persist());
                    }
                    return appended.replaceWith(events);
                })))).invoke(stored -> stored.stream().filter(ConsentLapsed.class::isInstance) // counted once committed
                        .forEach(e -> metrics.counter("pupil_data_consents_lapsed_total").increment()))
                .chain(() -> Panache.withSession(() -> read(id)));
    }

    private static Uni<KnownRequest> known(UUID id, Caller caller) {
        return KnownRequest.require(id, caller, SERVICE_NAME);
    }

    private Uni<Consent> read(UUID id) {
        return store.load(id).flatMap(stream -> ExemptionConsultation.<ExemptionConsultation>list("requestId", id)
                .map(rows -> new Consent(stream, rows.stream().collect(Collectors.toMap(c -> c.eventId,
                        c -> c.consultedQualityOfficer)))));
    }
}
