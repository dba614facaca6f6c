package nl.pupildata.platform.audit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records every signed-in read of the API (issue 19): who (the token's subject and roles), what (path and query:
 * request ids and pupil references, never content) and when, with the answer's status — also when it was refused,
 * for that is worth knowing too. The answer waits for the record: no read without one. Health, metrics and OpenAPI
 * ({@code /q/…}) are not reads of pupil data.
 */
public class ReadAudit {

    static final String INSERT = "insert into read_audit (actor, roles, path, query, status) values ($1, $2, $3, $4, $5)";

    @Inject
    Pool pool;
    @Inject
    CurrentIdentityAssociation identities;

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!"GET".equals(request.getMethod()) || path.startsWith("/q/") || response.getStatus() == 401) {
            return Uni.createFrom().voidItem();
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        int status = response.getStatus();
        // Without blocking: the identity as the request established it (a token that does not verify reads nothing).
        return identities.getDeferredIdentity().onFailure().recoverWithNull().chain(identity -> {
            if (identity == null || identity.isAnonymous()
                    || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getSubject() == null) {
                return Uni.createFrom().voidItem();
            }
            return pool.preparedQuery(INSERT).execute(Tuple.of(jwt.getSubject(),
                    String.join(",", new TreeSet<>(identity.getRoles())), path, query, status)).replaceWithVoid();
        });
    }
}
