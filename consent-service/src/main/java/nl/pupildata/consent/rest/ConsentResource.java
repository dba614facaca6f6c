package nl.pupildata.consent.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.pupildata.consent.domain.ConsentRules;
import nl.pupildata.consent.domain.ConsentState;
import nl.pupildata.events.*;
import nl.pupildata.events.model.ConsentEvidence;
import nl.pupildata.events.model.ExemptionGround;
import nl.pupildata.events.model.RequestKind;
import nl.pupildata.platform.eventstore.EventStore;
import nl.pupildata.platform.problem.ProblemException;
import nl.pupildata.platform.problem.Violation;
import nl.pupildata.platform.security.Caller;
import nl.pupildata.platform.security.Roles;
import nl.pupildata.platform.requests.KnownRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/requests/{id}/consent")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "consent", description = "Who must consent (G-4) and whether they have")
public class ConsentResource {

    private final EventStore store;
    private final Caller caller;
    private final MeterRegistry metrics;

    public ConsentResource(EventStore store, Caller caller, MeterRegistry metrics) {
        this.store = store;
        this.caller = caller;
        this.metrics = metrics;
    }

    /** One entry of the consent history: who, when, what evidence, recorded by whom. */
    public record HistoryEntry(String type, String guardianId, Instant at, String actor, ConsentEvidence evidence,
            String evidenceRef, String informationDescription, ExemptionGround ground, String reason,
            String consultedQualityOfficer) {
    }

    public record ConsentView(UUID requestId, String requirement, List<String> requiredFrom, Set<String> granted,
            Set<String> refused, Set<String> withdrawn, ExemptionGround exemption, boolean satisfied,
            List<HistoryEntry> history) {
    }

    public record AskBody(String guardianId, String informationDescription, String requestedBy) {
    }

    public record GrantBody(String guardianId, ConsentEvidence evidence, String evidenceRef, String recordedBy) {
    }

    public record GuardianBody(String guardianId, String recordedBy) {
    }

    public record ExemptionBody(ExemptionGround ground, String consultedQualityOfficer, String reason) {
    }

    @GET
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF, Roles.QUALITY_OFFICER,
            Roles.PRIVACY_OFFICER, Roles.SAFEGUARDING_OFFICER })
    @Operation(summary = "The consent requirement, each guardian's word, and the history")
    public Uni<ConsentView> get(@PathParam("id") UUID id) {
        return Panache.withSession(() -> known(id).flatMap(request -> load(id)));
    }

    @POST
    @Path("requests")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "G-10: ask a guardian for consent, saying what kind of information will be given")
    public Uni<ConsentView> ask(@PathParam("id") UUID id, AskBody body) {
        return run(id, body == null ? null : new ConsentRules.Ask(body.guardianId(), body.informationDescription()));
    }

    @POST
    @Path("grants")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "G-3: record a written consent (e-mail or signature)")
    public Uni<ConsentView> grant(@PathParam("id") UUID id, GrantBody body) {
        return run(id, body == null ? null : new ConsentRules.Grant(body.guardianId(), body.evidence(), body.evidenceRef()));
    }

    @POST
    @Path("refusals")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    public Uni<ConsentView> refuse(@PathParam("id") UUID id, GuardianBody body) {
        return run(id, body == null ? null : new ConsentRules.Refuse(body.guardianId()));
    }

    @POST
    @Path("withdrawals")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "G-5: a guardian withdraws consent; nothing more may be shared")
    public Uni<ConsentView> withdraw(@PathParam("id") UUID id, GuardianBody body) {
        return run(id, body == null ? null : new ConsentRules.Withdraw(body.guardianId()));
    }

    @POST
    @Path("exemptions")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_OFFICER })
    @Operation(summary = "G-9 / OSO-4: share without consent, after consulting the quality officer")
    public Uni<ConsentView> exempt(@PathParam("id") UUID id, ExemptionBody body) {
        return run(id, body == null ? null
                : new ConsentRules.Exempt(body.ground(), body.consultedQualityOfficer(), body.reason()));
    }

    private Uni<ConsentView> run(UUID id, ConsentRules.Command command) {
        if (command == null) {
            throw ProblemException.invalid(null, List.of(new Violation("body", "verplicht")));
        }
        String actor = caller.actor();
        return Panache.withTransaction(() -> known(id).flatMap(request -> store.load(id).flatMap(stream -> {
            ConsentState state = ConsentState.replay(stream.history());
            List<ConsentEvent> events = ConsentRules.decide(command, state, RequestKind.valueOf(request.kind), actor);
            events.stream().filter(ConsentLapsed.class::isInstance)
                    .forEach(e -> metrics.counter("pupil_data_consents_lapsed_total").increment());
            Uni<List<nl.pupildata.events.EventEnvelope>> appended = store.append(id, stream.version(), events);
            if (command instanceof ConsentRules.Exempt x) {
                // G-9 / OSO-4: the consultation is recorded with the exemption; the officer's name stays here.
                appended = appended.call(envelopes -> ExemptionConsultation.of(envelopes.get(0).eventId(), id,
                        x.consultedQualityOfficer()).persist());
            }
            return appended.chain(() -> load(id));
        })));
    }

    private Uni<KnownRequest> known(UUID id) {
        return KnownRequest.require(id, caller, "toestemmingsdienst");
    }

    private Uni<ConsentView> load(UUID id) {
        return store.load(id).flatMap(stream -> ExemptionConsultation.<ExemptionConsultation>list("requestId", id)
                .map(consultations -> view(stream, consultations.stream().collect(java.util.stream.Collectors.toMap(
                        c -> c.eventId, c -> c.consultedQualityOfficer)))));
    }

    static ConsentView view(EventStore.Stream stream, java.util.Map<UUID, String> consulted) {
        ConsentState state = ConsentState.replay(stream.history());
        List<HistoryEntry> history = stream.events().stream().map(e -> switch (e.event()) {
            case ConsentGranted g -> new HistoryEntry("ConsentGranted", g.guardianId(), e.time(), g.actor(),
                    g.evidence(), g.evidenceRef(), null, null, null, null);
            case ConsentRefused r -> new HistoryEntry("ConsentRefused", r.guardianId(), e.time(), r.actor(), null, null,
                    null, null, null, null);
            case ConsentWithdrawn w -> new HistoryEntry("ConsentWithdrawn", w.guardianId(), e.time(), w.actor(), null,
                    null, null, null, null, null);
            case ConsentRequested q -> new HistoryEntry("ConsentRequested", q.guardianId(), e.time(), q.actor(), null,
                    null, q.informationDescription(), null, null, null);
            case ConsentExemptionGranted x -> new HistoryEntry("ConsentExemptionGranted", null, e.time(), x.actor(),
                    null, null, null, x.ground(), x.reason(), consulted.get(e.eventId()));
            default -> new HistoryEntry(e.type().typeName(), null, e.time(), e.event().actor(), null, null, null, null,
                    null, null);
        }).toList();
        return new ConsentView(stream.streamId(), state.requirement() == null ? null : state.requirement().name(),
                state.requiredFrom(), state.withLatest(ConsentState.Decision.GRANTED),
                state.withLatest(ConsentState.Decision.REFUSED), state.withLatest(ConsentState.Decision.WITHDRAWN),
                state.exemption(), state.satisfied(), history);
    }
}
