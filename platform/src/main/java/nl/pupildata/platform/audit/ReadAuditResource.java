package nl.pupildata.platform.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.pupildata.platform.problem.ProblemException;
import nl.pupildata.platform.problem.Violation;
import nl.pupildata.rules.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The privacy officer reads who read what (issue 19); this read is recorded like any other. */
@Path("/audit/reads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "Who read which request, pupil or export, and when")
public class ReadAuditResource {

    public record Read(OffsetDateTime at, String actor, String roles, String path, String query, int status) {
    }

    private final Pool pool;

    public ReadAuditResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Reads of this service's API, newest first: filter by reader (actor), by a text in the path "
            + "(a request id, a pupil reference, export) and by day")
    public Uni<List<Read>> reads(@QueryParam("actor") String actor, @QueryParam("path") String path,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalid(null, List.of(new Violation("limit", "tussen 1 en 1000")));
        }
        StringBuilder sql = new StringBuilder("select at, actor, roles, path, query, status from read_audit where true");
        List<Object> args = new ArrayList<>();
        if (actor != null && !actor.isBlank()) {
            args.add(actor);
            sql.append(" and actor = $").append(args.size());
        }
        if (path != null && !path.isBlank()) {
            args.add("%" + path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            sql.append(" and path like $").append(args.size());
        }
        if (from != null) {
            args.add(from.atStartOfDay().atOffset(ZoneOffset.UTC));
            sql.append(" and at >= $").append(args.size());
        }
        if (to != null) {
            args.add(to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
            sql.append(" and at < $").append(args.size());
        }
        args.add(limit);
        sql.append(" order by at desc, id desc limit $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<Read> reads = new ArrayList<>();
            for (Row r : rows) {
                reads.add(new Read(r.getOffsetDateTime("at"), r.getString("actor"), r.getString("roles"),
                        r.getString("path"), r.getString("query"), r.getInteger("status")));
            }
            return reads;
        });
    }
}
