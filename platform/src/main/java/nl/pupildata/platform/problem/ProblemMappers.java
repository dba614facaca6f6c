package nl.pupildata.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import io.micrometer.core.instrument.MeterRegistry;
import nl.pupildata.platform.problem.ConcurrencyConflictException;
import nl.pupildata.rules.RuleViolation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as {@code application/problem+json}; no stack trace ever reaches a response. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final MeterRegistry metrics;

    public ProblemMappers(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** A rule of the quality card said no: 422 (or 400 for missing fields), naming the rule, counted by id. */
    @ServerExceptionMapper
    public Response rule(RuleViolation v, UriInfo uri) {
        String rule = v.rule() == null ? null : v.rule().id();
        if (rule != null) {
            metrics.counter("pupil_data_rules_refused_total", "rule", rule).increment();
        }
        List<Violation> violations = v.fields().stream().map(f -> new Violation(f.field(), f.message())).toList();
        ProblemException problem = v.invalidInput() ? ProblemException.invalid(rule, violations)
                : ProblemException.rule(rule, v.getMessage(), violations);
        return respond(problem.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    /** No token, an expired one, or a bad signature. */
    @ServerExceptionMapper({ io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.UnauthorizedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(new Problem("about:blank", "Unauthorized", 401,
                        "Log in met een geldig token.", path(uri), null, null))
                .build();
    }

    /** A valid token whose role may not do this. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(new Problem("about:blank", "Forbidden", 403, "Uw rol mag deze handeling niet uitvoeren.",
                path(uri), null, null));
    }

    @ServerExceptionMapper
    public Response conflict(ConcurrencyConflictException e, UriInfo uri) {
        return respond(new Problem("about:blank", "Concurrent change", 409,
                "Het verzoek is tegelijk door iemand anders gewijzigd; laad het opnieuw en probeer het nog eens.",
                path(uri), null, null));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .collect(Collectors.toList());
        return respond(ProblemException.invalid(null, violations).toProblem(path(uri)));
    }

    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class, JsonMappingException.class })
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[") : "";
        String message = e instanceof UnrecognizedPropertyException ? "onbekend veld"
                : e instanceof MismatchedInputException || e instanceof InvalidFormatException ? "verkeerd type of formaat"
                : "geen geldige JSON";
        return respond(ProblemException.invalid(null, List.of(new Violation(field.isEmpty() ? "body" : field, message)))
                .toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(new Problem("about:blank", reason, status, status >= 500 ? "Er ging iets mis." : reason,
                path(uri), null, null));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isDatabaseUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return respond(new Problem("about:blank", "Service unavailable", 503,
                    "De database is tijdelijk niet bereikbaar; er is niets vastgelegd. Probeer het zo opnieuw.",
                    path(uri), null, null));
        }
        LOG.error("Unexpected failure", e);
        return respond(new Problem("about:blank", "Internal error", 500, "Er ging iets mis; er is niets vastgelegd.",
                path(uri), null, null));
    }

    /**
     * The database is away (stopped, restarting, unreachable) rather than the command being wrong: answered
     * 503 so the client retries. PostgreSQL says so with SQL states of class 08 (connection) and 57P
     * (shutdown, starting up); the clients say so with a refused, reset or closed connection (also one that
     * closed while a statement was in flight), or a pool that timed out waiting for a connection.
     */
    static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && unavailableState(pg.getSqlState())
                    || t instanceof java.sql.SQLException sql && unavailableState(sql.getSQLState())
                    || t instanceof java.net.SocketException
                    || t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof io.vertx.sqlclient.ClosedConnectionException) {
                return true;
            }
            boolean vertx = t instanceof io.vertx.core.VertxException
                    || t instanceof io.vertx.core.impl.NoStackTraceThrowable;
            if ((vertx || t instanceof java.io.IOException) && LOST_CONNECTION.matcher(String.valueOf(t.getMessage()))
                    .find()) {
                return true;
            }
        }
        return false;
    }

    /** How the Vert.x SQL client and Netty describe a connection that is gone or could not be had. */
    private static final java.util.regex.Pattern LOST_CONNECTION = java.util.regex.Pattern.compile(
            "(?i)connection (has been |was |is )?(closed|lost|refused|reset)|connection may have been lost"
                    + "|timeout|timed out|closed connection");

    private static boolean unavailableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String field(ConstraintViolation<?> v) {
        // "create.arg0.pupil.name" -> "pupil.name": drop the method and parameter segments.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts.length == 2 ? parts[1] : path;
    }
}
