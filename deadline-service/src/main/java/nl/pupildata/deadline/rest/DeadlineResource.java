package nl.pupildata.deadline.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.deadline.service.DeadlineConfig;
import nl.pupildata.deadline.service.TermHandling;
import nl.pupildata.deadline.domain.StatutoryTerm;
import nl.pupildata.platform.problem.ProblemException;
import nl.pupildata.platform.problem.Violation;
import nl.pupildata.rules.Rule;
import nl.pupildata.platform.security.Caller;
import nl.pupildata.rules.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/requests/{id}/deadline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "deadline", description = "The statutory term (PA-4) and its extensions (PA-6)")
public class DeadlineResource {

    private final TermHandling terms;
    private final Caller caller;
    private final Clock clock;
    private final DeadlineConfig config;

    public DeadlineResource(TermHandling terms, Caller caller, Clock clock, DeadlineConfig config) {
        this.terms = terms;
        this.caller = caller;
        this.clock = clock;
        this.config = config;
    }

    public record Extension(int number, LocalDate newDueOn, String reason, String approvedBy,
            LocalDate guardiansNotifiedOn) {
    }

    public record DeadlineView(UUID requestId, LocalDate receivedOn, LocalDate dueOn, String status, long daysLeft,
            List<Extension> extensions, LocalDate metOn, Boolean metWithinTerm) {
    }

    public record ExtensionBody(String reason, String approvedBy, LocalDate guardiansNotifiedOn) {
    }

    @GET
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF, Roles.QUALITY_OFFICER,
            Roles.PRIVACY_OFFICER, Roles.SAFEGUARDING_OFFICER })
    @Operation(summary = "The term: due date, status (derived from today), extensions, days left")
    public Uni<DeadlineView> get(@PathParam("id") UUID id) {
        return terms.load(id, caller).map(this::view);
    }

    @POST
    @Path("extensions")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "PA-6: extend the term by one month (at most twice), for a good reason")
    public Uni<DeadlineView> extend(@PathParam("id") UUID id, ExtensionBody body) {
        if (body == null) {
            throw ProblemException.invalid(Rule.PA_6.id(), List.of(new Violation("body", "verplicht")));
        }
        return terms.extend(id, body.reason(), body.guardiansNotifiedOn(), caller).map(this::view);
    }

    private DeadlineView view(StatutoryTerm term) {
        LocalDate today = LocalDate.now(clock);
        return new DeadlineView(term.requestId(), term.receivedOn(), term.dueOn(),
                term.status(today, config.dueSoonDays()).name(), term.daysLeft(today),
                term.extensions().stream().map(x -> new Extension(x.number(), x.newDueOn(), x.reason(), x.actor(),
                        x.guardiansNotifiedOn())).toList(),
                term.metOn(), term.metWithinTerm());
    }
}
