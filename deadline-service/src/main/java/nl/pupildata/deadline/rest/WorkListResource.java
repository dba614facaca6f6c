package nl.pupildata.deadline.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.deadline.domain.StatutoryTerm;
import nl.pupildata.deadline.persistence.DeadlineTerm;
import nl.pupildata.deadline.service.DeadlineConfig;
import nl.pupildata.platform.problem.ProblemException;
import nl.pupildata.platform.problem.Violation;
import nl.pupildata.platform.security.Caller;
import nl.pupildata.rules.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "deadline")
public class WorkListResource {

    private final Caller caller;
    private final Clock clock;
    private final DeadlineConfig config;

    public WorkListResource(Caller caller, Clock clock, DeadlineConfig config) {
        this.caller = caller;
        this.clock = clock;
        this.config = config;
    }

    public record WorkItem(UUID requestId, String schoolBrin, LocalDate dueOn, String status, long daysLeft) {
    }

    @GET
    @RolesAllowed({ Roles.DIRECTOR, Roles.QUALITY_COORDINATOR, Roles.ADMIN_STAFF, Roles.QUALITY_OFFICER,
            Roles.PRIVACY_OFFICER })
    @Operation(summary = "The work list: open terms that are missed or due soon (missed first), or ?status=RUNNING")
    public Uni<List<WorkItem>> list(@QueryParam("status") String status, @QueryParam("school") String school) {
        if (status != null && !List.of("DUE_SOON", "MISSED", "RUNNING").contains(status)) {
            throw ProblemException.invalid(null, List.of(new Violation("status", "DUE_SOON, MISSED of RUNNING")));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = today.plusDays(config.dueSoonDays());
        StringBuilder q = new StringBuilder("open = true");
        Map<String, Object> p = new HashMap<>();
        if (status == null || !status.equals("RUNNING")) {
            q.append(" and dueOn <= :horizon");
            p.put("horizon", horizon);
        } else {
            q.append(" and dueOn > :horizon");
            p.put("horizon", horizon);
        }
        caller.limitToOwnSchools(q, p);
        if (school != null && !school.isBlank()) {
            q.append(" and schoolBrin = :school");
            p.put("school", school);
        }
        return Panache.withSession(() -> DeadlineTerm.<DeadlineTerm>list(q + " order by dueOn", p))
                .map(rows -> rows.stream()
                        .map(r -> new WorkItem(r.requestId, r.schoolBrin, r.dueOn,
                                StatutoryTerm.openStatus(r.dueOn, today, config.dueSoonDays()).name(),
                                ChronoUnit.DAYS.between(today, r.dueOn)))
                        .filter(i -> status == null || status.equals(i.status()))
                        .sorted(Comparator.comparing(WorkItem::dueOn))
                        .toList());
    }
}
