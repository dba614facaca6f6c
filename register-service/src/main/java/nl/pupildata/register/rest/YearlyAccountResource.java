package nl.pupildata.register.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.pupildata.platform.problem.ProblemException;
import nl.pupildata.platform.problem.Violation;
import nl.pupildata.platform.security.Caller;
import nl.pupildata.register.domain.SchoolYear;
import nl.pupildata.register.domain.YearlyAccount;
import nl.pupildata.register.persistence.RegisterAccount;
import nl.pupildata.register.persistence.RegisterFilter;
import nl.pupildata.register.service.AccountDocuments;
import nl.pupildata.register.service.RegisterReplay;
import nl.pupildata.rules.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The yearly account (PA-5): for one school year, per school and for all the caller's schools together, the requests
 * by kind and outcome, the term kept, extensions, refusals by rule, consents refused or withdrawn, exemptions, and
 * how often each dossier was requested — as JSON, CSV and PDF.
 */
@Path("/register/account")
@Tag(name = "register", description = "The register of requests for pupil data (PA-5)")
@Blocking
public class YearlyAccountResource {

    /** The figures, with the school years there is a register for (newest first) to choose from. */
    public record Answer(String schoolYear, List<String> schoolYears, boolean rebuilding,
            YearlyAccount.Account account) {
    }

    private final Caller caller;
    private final RegisterAccount accounts;
    private final AccountDocuments documents;
    private final RegisterReplay replay;
    private final Clock clock;

    public YearlyAccountResource(Caller caller, RegisterAccount accounts, AccountDocuments documents,
            RegisterReplay replay, Clock clock) {
        this.caller = caller;
        this.accounts = accounts;
        this.documents = documents;
        this.replay = replay;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.QUALITY_OFFICER, Roles.PRIVACY_OFFICER, Roles.DIRECTOR, Roles.QUALITY_COORDINATOR })
    @Operation(summary = "The yearly account of one school year (year=2025-2026; the current one when absent), for "
            + "one school (school=…) or all the caller's schools")
    public Answer account(@QueryParam("year") String year, @QueryParam("school") String school)
            throws SQLException {
        LocalDate today = LocalDate.now(clock);
        SchoolYear chosen = year(year, today);
        YearlyAccount.Account account = count(chosen, school, today);
        List<String> years = accounts.firstReceived(filter(null)).map(first -> SchoolYear.containing(today)
                .since(first)).orElse(List.of(SchoolYear.containing(today))).stream().map(SchoolYear::name).toList();
        return new Answer(chosen.name(), years, replay.status().rebuilding(), account);
    }

    @GET
    @Path("csv")
    @Produces("text/csv")
    @RolesAllowed({ Roles.QUALITY_OFFICER, Roles.PRIVACY_OFFICER, Roles.DIRECTOR, Roles.QUALITY_COORDINATOR })
    @Operation(summary = "The yearly account as CSV: one figure per row (school_year, school, measure, kind, detail, "
            + "value); the school is empty for all schools together")
    @APIResponse(responseCode = "200", description = "The figures as CSV", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING)))
    public Response csv(@QueryParam("year") String year, @QueryParam("school") String school) throws SQLException {
        LocalDate today = LocalDate.now(clock);
        SchoolYear chosen = year(year, today);
        return Response.ok(documents.csv(count(chosen, school, today)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", attachment(chosen, school, "csv")).build();
    }

    @GET
    @Path("pdf")
    @Produces({ "application/pdf", "application/problem+json" })
    @RolesAllowed({ Roles.QUALITY_OFFICER, Roles.PRIVACY_OFFICER, Roles.DIRECTOR, Roles.QUALITY_COORDINATOR })
    @Operation(summary = "The yearly account as PDF, with charts")
    @APIResponse(responseCode = "200", description = "The yearly account, PDF/A-3u", content = @Content(
            mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response pdf(@QueryParam("year") String year, @QueryParam("school") String school) throws SQLException {
        LocalDate today = LocalDate.now(clock);
        SchoolYear chosen = year(year, today);
        return Response.ok(documents.pdf(count(chosen, school, today)), "application/pdf")
                .header("Content-Disposition", attachment(chosen, school, "pdf")).build();
    }

    private YearlyAccount.Account count(SchoolYear year, String school, LocalDate today) throws SQLException {
        boolean wholeBoard = caller.isBoardWide() && (school == null || school.isBlank());
        return accounts.count(filter(school), year, today, wholeBoard);
    }

    private RegisterFilter filter(String school) {
        return new RegisterFilter(caller.isBoardWide() ? null : caller.schools(), school, null, null, null, null,
                null);
    }

    private static SchoolYear year(String year, LocalDate today) {
        if (year == null || year.isBlank()) {
            return SchoolYear.containing(today);
        }
        return SchoolYear.parse(year).orElseThrow(() -> ProblemException.invalid(null,
                List.of(new Violation("year", "Kies een schooljaar zoals 2025-2026 (1 augustus tot en met 31 juli)."))));
    }

    private static String attachment(SchoolYear year, String school, String extension) {
        String scope = school == null || school.isBlank() ? "" : "-" + school.replaceAll("[^A-Za-z0-9]", "");
        return "attachment; filename=\"jaarverantwoording-leerlinggegevens-" + year.name() + scope + "." + extension
                + "\"";
    }
}
