package nl.pupildata.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.pupildata.events.RequestEvent;
import nl.pupildata.events.RequestReceived;
import nl.pupildata.platform.eventstore.EventStore;
import nl.pupildata.platform.problem.ProblemException;
import nl.pupildata.platform.problem.Violation;
import nl.pupildata.request.domain.Intake;
import nl.pupildata.request.domain.IntakeRules;
import nl.pupildata.request.domain.RequestCommand;
import nl.pupildata.request.domain.RequestDecider;
import nl.pupildata.request.domain.RequestState;
import nl.pupildata.request.domain.RuleViolation;
import nl.pupildata.request.persistence.PersonalDetails;
import nl.pupildata.request.persistence.RequestView;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs commands: load the stream, decide, append events + outbox + views in one transaction. */
@ApplicationScoped
public class RequestHandling {

    private final EventStore store;
    private final Clock clock;
    private final IntakeRules intakeRules;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    public RequestHandling(EventStore store, Clock clock, ObjectMapper json, MeterRegistry metrics,
            @ConfigProperty(name = "pupil-data.free-mail-domains") Set<String> freeMailDomains) {
        this.store = store;
        this.clock = clock;
        this.json = json;
        this.metrics = metrics;
        this.intakeRules = new IntakeRules(freeMailDomains);
    }

    public Uni<RequestReceived> receive(Intake intake, String actor) {
        UUID id = UUID.randomUUID();
        RequestReceived event;
        try {
            event = intakeRules.receive(id, actor, intake, LocalDate.now(clock));
        } catch (RuleViolation v) {
            throw refused(v);
        }
        PersonalDetails details = personalDetails(id, intake);
        RequestView view = new RequestView();
        view.requestId = id;
        view.schoolBrin = event.schoolBrin();
        view.kind = event.kind().name();
        view.status = RequestState.NONE.evolve(event).status().name();
        view.receivedOn = event.receivedOn();
        view.complexity = event.complexity() == null ? null : event.complexity().name();
        view.updatedAt = Instant.now(clock);
        return Panache.withTransaction(() -> store.append(id, 0, List.of(event))
                        .call(details::persist)
                        .call(view::persist))
                .invoke(() -> metrics.counter("pupil_data_requests_received_total", "kind", event.kind().name(),
                        "school", event.schoolBrin()).increment())
                .replaceWith(event);
    }

    /** Loads the request, checks the caller's school, decides and appends. */
    public record Handled(RequestState state, RequestView view) {
    }

    public Uni<Handled> handle(UUID id, RequestCommand command, String actor, SchoolCheck schoolCheck) {
        return Panache.withTransaction(() -> store.load(id).flatMap(stream -> {
            RequestState state = RequestState.replay(stream.history());
            if (!state.exists()) {
                throw ProblemException.notFound("Verzoek " + id + " bestaat niet.");
            }
            schoolCheck.check(state.schoolBrin());
            List<RequestEvent> events;
            try {
                events = RequestDecider.decide(command, state, actor, LocalDate.now(clock));
            } catch (RuleViolation v) {
                throw refused(v);
            } catch (RequestDecider.NotAllowedInState e) {
                throw ProblemException.conflict(e.getMessage());
            }
            RequestState next = state;
            for (RequestEvent e : events) {
                next = next.evolve(e);
            }
            RequestState result = next;
            return store.append(id, stream.version(), events)
                    .chain(() -> RequestView.<RequestView>findById(id))
                    .invoke(view -> {
                        view.status = result.status().name();
                        view.updatedAt = Instant.now(clock);
                    })
                    .map(view -> new Handled(result, view));
        }));
    }

    /** The request's state and view; empty state when unknown. */
    public Uni<Handled> load(UUID id) {
        return Panache.withSession(() -> store.load(id).flatMap(s -> RequestView.<RequestView>findById(id)
                .map(view -> new Handled(RequestState.replay(s.history()), view))));
    }

    /** Checks the caller may act on a school; throws 403 otherwise. */
    @FunctionalInterface
    public interface SchoolCheck {
        void check(String schoolBrin);
    }

    private ProblemException refused(RuleViolation v) {
        List<Violation> violations = v.fields().stream().map(f -> new Violation(f.field(), f.message())).toList();
        if (v.rule() != null) {
            metrics.counter("pupil_data_rules_refused_total", "rule", v.rule()).increment();
        }
        return v.invalidInput() ? ProblemException.invalid(v.rule(), violations)
                : ProblemException.rule(v.rule(), v.getMessage(), violations);
    }

    private PersonalDetails personalDetails(UUID id, Intake intake) {
        PersonalDetails details = new PersonalDetails();
        details.requestId = id;
        details.pupilName = intake.pupil().name();
        details.pupilDateOfBirth = intake.pupil().dateOfBirth();
        try {
            details.guardians = json.writeValueAsString(intake.guardiansOrEmpty());
            details.requester = intake.requester() == null ? null : json.writeValueAsString(intake.requester());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return details;
    }
}
