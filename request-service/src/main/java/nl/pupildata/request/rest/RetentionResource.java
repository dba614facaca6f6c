package nl.pupildata.request.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.pupildata.platform.problem.ProblemException;
import nl.pupildata.platform.problem.Violation;
import nl.pupildata.request.service.PersonalDataRetention;
import nl.pupildata.rules.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The privacy officer's view of retention (issue 19): what is due for erasure and what was erased. */
@Path("/retention")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "retention", description = "How long personal data is kept, what is due for erasure, what was erased")
public class RetentionResource {

    private final PersonalDataRetention retention;
    private final Clock clock;

    public RetentionResource(PersonalDataRetention retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "The retention period; the requests whose personal data is erased within the next days "
            + "(or is overdue); the latest erasures")
    public Uni<PersonalDataRetention.Overview> overview(@QueryParam("days") @DefaultValue("90") int days) {
        if (days < 0 || days > 3660) {
            throw ProblemException.invalid(null, List.of(new Violation("days", "tussen 0 en 3660")));
        }
        return retention.overview(LocalDate.now(clock), days);
    }
}
