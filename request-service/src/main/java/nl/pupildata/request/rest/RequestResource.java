package nl.pupildata.request.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.pupildata.platform.problem.ProblemException;
import nl.pupildata.platform.security.Caller;
import nl.pupildata.platform.security.Roles;
import nl.pupildata.request.RequestHandling;
import nl.pupildata.request.domain.Intake;
import nl.pupildata.request.domain.RequestCommand;
import nl.pupildata.request.domain.RequestState;
import nl.pupildata.request.domain.RequestStatus;
import nl.pupildata.request.persistence.RequestView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "requests", description = "Intake and handling of requests for pupil data")
public class RequestResource {

    static final String[] STAFF = { Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF };

    private final RequestHandling handling;
    private final Caller caller;

    public RequestResource(RequestHandling handling, Caller caller) {
        this.handling = handling;
        this.caller = caller;
    }

    public record Created(UUID id, String status, String kind, String schoolBrin, String complexity) {
    }

    public record Blocker(String rule, String message) {
    }

    public record RequestDetails(UUID id, String kind, String schoolBrin, String status, String complexity,
            LocalDate receivedOn, boolean consentSatisfied, LocalDate dueOn, List<Blocker> blockers,
            List<String> allowedActions) {
    }

    @POST
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "Register a request for pupil data (intake)")
    public Uni<Response> receive(Intake intake, @Context UriInfo uri) {
        if (intake != null && intake.schoolBrin() != null) {
            caller.requireSchool(intake.schoolBrin());
        }
        return handling.receive(intake, caller.actor()).map(e -> Response
                .created(uri.getAbsolutePathBuilder().path(e.requestId().toString()).build())
                .entity(new Created(e.requestId(), RequestStatus.RECEIVED.name(), e.kind().name(), e.schoolBrin(),
                        e.complexity() == null ? null : e.complexity().name()))
                .build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF, Roles.QUALITY_OFFICER,
            Roles.PRIVACY_OFFICER, Roles.SAFEGUARDING_OFFICER })
    @Operation(summary = "The state of a request, with what still blocks it and what may be done next")
    public Uni<RequestDetails> get(@PathParam("id") UUID id) {
        return handling.load(id).map(h -> {
            if (!h.state().exists()) {
                throw ProblemException.notFound("Verzoek " + id + " bestaat niet.");
            }
            caller.requireSchool(h.state().schoolBrin());
            return details(h.state(), h.view());
        });
    }

    @GET
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF, Roles.QUALITY_OFFICER,
            Roles.PRIVACY_OFFICER, Roles.SAFEGUARDING_OFFICER })
    @Operation(summary = "Requests the caller may see, newest first")
    public Uni<List<RequestView>> list(@QueryParam("school") String school, @QueryParam("status") String status,
            @QueryParam("kind") String kind) {
        StringBuilder query = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (!caller.isBoardWide()) {
            query.append(" and schoolBrin in :schools");
            params.put("schools", caller.schools().isEmpty() ? List.of("-") : caller.schools());
        }
        if (school != null) {
            query.append(" and schoolBrin = :school");
            params.put("school", school);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            params.put("kind", kind);
        }
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> RequestView
                .<RequestView>find(query + " order by receivedOn desc, updatedAt desc", params).page(0, 200).list());
    }

    public record AcknowledgementBody(LocalDate expectedOn) {
    }

    @POST
    @Path("{id}/acknowledgement")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "PA-3: confirm receipt and say when the dossier can be expected")
    public Uni<RequestDetails> acknowledge(@PathParam("id") UUID id, AcknowledgementBody body) {
        return step(id, new RequestCommand.Acknowledge(body == null ? null : body.expectedOn()));
    }

    @POST
    @Path("{id}/withdrawal")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "The requester withdrew the request")
    public Uni<RequestDetails> withdraw(@PathParam("id") UUID id) {
        return step(id, new RequestCommand.Withdraw());
    }

    @POST
    @Path("{id}/closure")
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF })
    @Operation(summary = "Close the request")
    public Uni<RequestDetails> close(@PathParam("id") UUID id) {
        return step(id, new RequestCommand.Close());
    }

    private Uni<RequestDetails> step(UUID id, RequestCommand command) {
        return handling.handle(id, command, caller.actor(), caller::requireSchool)
                .map(h -> details(h.state(), h.view()));
    }

    static RequestDetails details(RequestState state, RequestView view) {
        List<Blocker> blockers = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        if (!state.status().isFinal()) {
            if (!state.acknowledged() && state.kind() == nl.pupildata.events.model.RequestKind.PARENT_ACCESS) {
                blockers.add(new Blocker("PA-3", "Bevestig de ontvangst en noem wanneer het dossier komt."));
                allowed.add("acknowledgement");
            }
            allowed.add("withdrawal");
            allowed.add("closure");
        }
        return new RequestDetails(state.id(), state.kind().name(), state.schoolBrin(), state.status().name(),
                state.complexity() == null ? null : state.complexity().name(),
                view == null ? null : view.receivedOn, view != null && view.consentSatisfied,
                view == null ? null : view.dueOn, blockers, allowed);
    }
}
