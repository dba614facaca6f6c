package nl.pupildata.register;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.platform.problem.ProblemException;
import nl.pupildata.platform.problem.Violation;
import nl.pupildata.platform.security.Caller;
import nl.pupildata.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/register")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.QUALITY_OFFICER, Roles.PRIVACY_OFFICER, Roles.DIRECTOR, Roles.QUALITY_COORDINATOR })
@Tag(name = "register", description = "The register of requests for pupil data (PA-5)")
public class RegisterResource {

    private final Caller caller;

    public RegisterResource(Caller caller) {
        this.caller = caller;
    }

    public record TimelineLine(String type, Instant at, String actor) {
    }

    public record Entry(UUID requestId, String schoolBrin, String kind, String requesterCategory, String pupilRef,
            LocalDate receivedOn, String status, String outcome, LocalDate dueOn, int extensions,
            boolean consentSatisfied, int shares, LocalDate closedOn, Boolean metWithinTerm,
            List<TimelineLine> timeline) {
    }

    public record Page(int page, int size, long total, List<Entry> entries) {
    }

    public record PupilCount(String pupilRef, long count, List<Entry> requests) {
    }

    @GET
    @Path("{requestId}")
    @Operation(summary = "One entry with its timeline, every event in order")
    public Uni<Entry> get(@PathParam("requestId") UUID id) {
        return Panache.withSession(() -> RegisterEntry.<RegisterEntry>findById(id).flatMap(e -> {
            if (e == null || e.schoolBrin == null) {
                throw ProblemException.notFound("Verzoek " + id + " staat (nog) niet in het register.");
            }
            caller.requireSchool(e.schoolBrin);
            return TimelineEntry.<TimelineEntry>list("requestId = ?1 order by at, type", id)
                    .map(lines -> entry(e, lines));
        }));
    }

    @GET
    @Operation(summary = "Entries, newest first, limited to the caller's schools")
    public Uni<Page> list(@QueryParam("school") String school, @QueryParam("kind") String kind,
            @QueryParam("status") String status, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw ProblemException.invalid(null, List.of(new Violation("size", "tussen 1 en 500; page vanaf 0")));
        }
        StringBuilder q = new StringBuilder("schoolBrin is not null");
        Map<String, Object> p = new HashMap<>();
        if (!caller.isBoardWide()) {
            q.append(" and schoolBrin in :schools");
            p.put("schools", caller.schools().isEmpty() ? List.of("-") : caller.schools());
        }
        add(q, p, "schoolBrin", "school", school);
        add(q, p, "kind", "kind", kind);
        add(q, p, "status", "status", status);
        if (from != null) {
            q.append(" and receivedOn >= :from");
            p.put("from", from);
        }
        if (to != null) {
            q.append(" and receivedOn <= :to");
            p.put("to", to);
        }
        String where = q.toString();
        return Panache.withSession(() -> RegisterEntry.count(where, p).flatMap(total -> RegisterEntry
                .<RegisterEntry>find(where + " order by receivedOn desc, lastEventAt desc", p).page(page, size).list()
                .map(entries -> new Page(page, size, total, entries.stream().map(e -> entry(e, null)).toList()))));
    }

    @GET
    @Path("pupils/{pupilRef}")
    @Operation(summary = "PA-5: how often and when this pupil's data was requested")
    public Uni<PupilCount> pupil(@PathParam("pupilRef") String pupilRef) {
        return Panache.withSession(() -> RegisterEntry
                .<RegisterEntry>list("pupilRef = ?1 order by receivedOn desc", pupilRef)
                .map(all -> {
                    List<Entry> visible = all.stream().filter(e -> caller.maySee(e.schoolBrin)).map(e -> entry(e, null))
                            .toList();
                    return new PupilCount(pupilRef, visible.size(), visible);
                }));
    }

    private static void add(StringBuilder q, Map<String, Object> p, String field, String name, String value) {
        if (value != null && !value.isBlank()) {
            q.append(" and ").append(field).append(" = :").append(name);
            p.put(name, value);
        }
    }

    static Entry entry(RegisterEntry e, List<TimelineEntry> lines) {
        return new Entry(e.requestId, e.schoolBrin, e.kind, e.requesterCategory, e.pupilRef, e.receivedOn, e.status,
                e.outcome, e.dueOn, e.extensions, e.consentSatisfied, e.shares, e.closedOn, e.metWithinTerm,
                lines == null ? null : lines.stream().map(l -> new TimelineLine(l.type, l.at, l.actor)).toList());
    }
}
