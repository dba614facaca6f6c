package nl.pupildata.register.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.platform.problem.ProblemException;
import nl.pupildata.platform.problem.Violation;
import nl.pupildata.platform.security.Caller;
import nl.pupildata.rules.Roles;
import nl.pupildata.register.domain.RegisterFold;
import nl.pupildata.register.persistence.RegisterEntry;
import nl.pupildata.register.persistence.RegisterExport;
import nl.pupildata.register.persistence.RegisterFilter;
import nl.pupildata.register.persistence.RegisterStatistics;
import nl.pupildata.register.service.RegisterProjection;
import nl.pupildata.register.service.RegisterReplay;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/register")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "register", description = "The register of requests for pupil data (PA-5)")
public class RegisterResource {

    static final String[] READERS = { Roles.QUALITY_OFFICER, Roles.PRIVACY_OFFICER, Roles.DIRECTOR,
            Roles.QUALITY_COORDINATOR };

    private final Caller caller;
    private final RegisterReplay replay;
    private final RegisterExport export;
    private final RegisterStatistics statistics;

    public RegisterResource(Caller caller, RegisterReplay replay, RegisterExport export,
            RegisterStatistics statistics) {
        this.caller = caller;
        this.replay = replay;
        this.export = export;
        this.statistics = statistics;
    }

    public record Statistics(List<RegisterStatistics.MonthFigures> months) {
    }

    public record TimelineLine(String type, Instant at, String actor) {
    }

    public record Entry(UUID requestId, String schoolBrin, String kind, String requesterCategory, String pupilRef,
            LocalDate receivedOn, String status, String outcome, LocalDate dueOn, int extensionCount,
            String consentRequirement, boolean consentSatisfied, int shareCount, LocalDate closedOn,
            Boolean metWithinTerm) {
    }

    public record Details(UUID requestId, String schoolBrin, String kind, String requesterCategory, String pupilRef,
            LocalDate receivedOn, String status, String outcome, LocalDate dueOn,
            List<RegisterFold.Extension> extensions, String consentRequirement, boolean consentSatisfied,
            List<RegisterFold.ConsentLine> consents, List<RegisterFold.Share> shares,
            List<RegisterFold.Refusal> refusals, LocalDate closedOn, Boolean metWithinTerm,
            List<TimelineLine> timeline, boolean rebuilding) {
    }

    public record Page(int page, int size, long total, boolean rebuilding, List<Entry> entries) {
    }

    public record PupilCount(String pupilRef, long count, boolean rebuilding, List<Entry> requests) {
    }

    @GET
    @Path("{requestId}")
    @RolesAllowed({ Roles.QUALITY_OFFICER, Roles.PRIVACY_OFFICER, Roles.DIRECTOR, Roles.QUALITY_COORDINATOR })
    @Operation(summary = "One entry: how the request was handled, with its timeline (every event in order)")
    public Uni<Details> get(@PathParam("requestId") UUID id) {
        return Panache.withSession(() -> RegisterProjection.timeline(id)
                .map(events -> {
                    RegisterFold.Summary s = RegisterFold.fold(id, events);
                    // Absent and another school's answer alike: no request id tells a stranger it exists.
                    if (s.schoolBrin() == null || !caller.maySee(s.schoolBrin())) {
                        throw ProblemException.notFound("Verzoek " + id + " staat (nog) niet in het register of is "
                                + "niet van uw school.");
                    }
                    return new Details(id, s.schoolBrin(), name(s.kind()), name(s.requesterCategory()), s.pupilRef(),
                            s.receivedOn(), name(s.status()), s.outcome(), s.dueOn(), s.extensions(),
                            name(s.consentRequirement()), s.consentSatisfied(), s.consents(), s.shares(), s.refusals(),
                            s.closedOn(), s.metWithinTerm(),
                            events.stream().map(e -> new TimelineLine(e.type().typeName(), e.time(),
                                    e.event().actor())).toList(),
                            replay.status().rebuilding());
                }));
    }

    @GET
    @RolesAllowed({ Roles.QUALITY_OFFICER, Roles.PRIVACY_OFFICER, Roles.DIRECTOR, Roles.QUALITY_COORDINATOR })
    @Operation(summary = "Entries, newest first, limited to the caller's schools")
    public Uni<Page> list(@QueryParam("school") String school, @QueryParam("kind") String kind,
            @QueryParam("status") String status, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw ProblemException.invalid(null, List.of(new Violation("size", "tussen 1 en 500; page vanaf 0")));
        }
        RegisterFilter.Rendered q = filter(school, kind, status, from, to, null).hql();
        return Panache.withSession(() -> RegisterEntry.count(q.where(), q.named()).flatMap(total -> RegisterEntry
                .<RegisterEntry>find(q.where() + " order by receivedOn desc, lastEventAt desc, requestId", q.named())
                .page(page, size).list()
                .map(entries -> new Page(page, size, total, replay.status().rebuilding(),
                        entries.stream().map(RegisterResource::entry).toList()))));
    }

    @GET
    @Path("pupils/{pupilRef}")
    @RolesAllowed({ Roles.QUALITY_OFFICER, Roles.PRIVACY_OFFICER, Roles.DIRECTOR, Roles.QUALITY_COORDINATOR })
    @Operation(summary = "PA-5: how often and when this pupil's data was requested")
    public Uni<PupilCount> pupil(@PathParam("pupilRef") String pupilRef) {
        RegisterFilter.Rendered q = filter(null, null, null, null, null, pupilRef).hql();
        return Panache.withSession(() -> RegisterEntry.<RegisterEntry>list(q.where() + " order by receivedOn desc",
                        q.named())
                .map(all -> new PupilCount(pupilRef, all.size(), replay.status().rebuilding(),
                        all.stream().map(RegisterResource::entry).toList())));
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @RolesAllowed({ Roles.QUALITY_OFFICER, Roles.PRIVACY_OFFICER, Roles.DIRECTOR, Roles.QUALITY_COORDINATOR })
    @Operation(summary = "The register as CSV (UTF-8 with a byte-order mark so spreadsheets read ë and é; header row)")
    @APIResponse(responseCode = "200", description = "The register's rows as CSV", content = @Content(
            mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @Blocking
    public Response export(@QueryParam("school") String school, @QueryParam("kind") String kind,
            @QueryParam("status") String status, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return Response.ok(export.csv(filter(school, kind, status, from, to, null)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"register-opvragen-leerlinggegevens.csv\"")
                .build();
    }

    @GET
    @Path("statistics")
    @RolesAllowed({ Roles.QUALITY_OFFICER, Roles.PRIVACY_OFFICER, Roles.DIRECTOR, Roles.QUALITY_COORDINATOR })
    @Operation(summary = "PA-5: per school and month of receipt, how many requests, with a term, answered, and "
            + "answered within the term")
    @Blocking
    public Statistics statistics(@QueryParam("school") String school, @QueryParam("kind") String kind,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) throws java.sql.SQLException {
        return new Statistics(statistics.perSchoolAndMonth(filter(school, kind, null, from, to, null)));
    }

    @POST
    @Path("replay")
    @RolesAllowed(Roles.QUALITY_OFFICER)
    @Operation(summary = "Rebuild the register from the topics; queries answer with rebuilding=true until it is done")
    @APIResponse(responseCode = "202", description = "The replay has started; GET /register/replay follows it",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = nl.pupildata.register.service.RegisterReplay.Status.class)))
    public Response startReplay() {
        if (!replay.start()) {
            throw ProblemException.conflict("Het register wordt al opnieuw opgebouwd.");
        }
        return Response.accepted(replay.status()).build();
    }

    @GET
    @Path("replay")
    @RolesAllowed({ Roles.QUALITY_OFFICER, Roles.PRIVACY_OFFICER })
    @Operation(summary = "Whether a rebuild is running, and how far it is")
    public RegisterReplay.Status replayStatus() {
        return replay.status();
    }

    /** What the caller asks for, within what the caller may see (their schools; board-wide roles all). */
    private RegisterFilter filter(String school, String kind, String status, LocalDate from, LocalDate to,
            String pupilRef) {
        return new RegisterFilter(caller.isBoardWide() ? null : caller.schools(), school, kind, status, from, to,
                pupilRef);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static Entry entry(RegisterEntry e) {
        return new Entry(e.requestId, e.schoolBrin, e.kind, e.requesterCategory, e.pupilRef, e.receivedOn, e.status,
                e.outcome, e.dueOn, e.extensions, e.consentRequirement, e.consentSatisfied, e.shares, e.closedOn,
                e.metWithinTerm);
    }
}
