package nl.pupildata.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import nl.pupildata.platform.problem.ProblemException;
import nl.pupildata.rules.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated user of this request: who acts (recorded on events), their roles and their schools. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken jwt;
    private final String schoolsClaim;

    public Caller(SecurityIdentity identity, JsonWebToken jwt, SchoolsClaim schoolsClaim) {
        this.identity = identity;
        this.jwt = jwt;
        this.schoolsClaim = schoolsClaim.name;
    }

    /**
     * The claim's name, read from the configuration once: this bean is made for every request, and a configuration
     * property injected into it was looked up again each time (visible in intake's profile).
     */
    @Singleton
    static class SchoolsClaim {
        final String name;

        SchoolsClaim(@ConfigProperty(name = "pupil-data.security.schools-claim", defaultValue = "schools") String name) {
            this.name = name;
        }
    }

    /**
     * The acting user, as events record it: the identity provider's stable, opaque subject ({@code sub}), never an
     * e-mail address; pages resolve it to a name.
     */
    public String actor() {
        return jwt.getSubject();
    }

    /** The caller's roles (the domain asks, e.g., whether the one answering a consultation is that officer). */
    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isBoardWide() {
        return Roles.BOARD_WIDE.stream().anyMatch(identity::hasRole);
    }

    /** The BRIN codes of the schools claim. */
    public Set<String> schools() {
        Object claim = jwt.getClaim(schoolsClaim);
        if (claim instanceof Collection<?> values) {
            return values.stream().map(v -> v.toString().replace("\"", "")).collect(Collectors.toUnmodifiableSet());
        }
        if (claim instanceof jakarta.json.JsonArray array) {
            return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                    .collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    public boolean maySee(String schoolBrin) {
        return isBoardWide() || schools().contains(schoolBrin);
    }

    /**
     * Narrows a list query to the caller's schools (board-wide roles see all): appends a condition on
     * {@code schoolBrin} to {@code where} and its parameter to {@code params}.
     */
    public void limitToOwnSchools(StringBuilder where, java.util.Map<String, Object> params) {
        if (!isBoardWide()) {
            where.append(" and schoolBrin in :schools");
            params.put("schools", schools().isEmpty() ? java.util.List.of("-") : schools());
        }
    }

    /** Refuses with 403 unless the caller is board-wide or the school is theirs. */
    public void requireSchool(String schoolBrin) {
        if (!maySee(schoolBrin)) {
            throw ProblemException.forbidden("U heeft geen toegang tot verzoeken van school " + schoolBrin + ".");
        }
    }

    /** Refuses with 403 unless the caller has one of the roles. */
    public void requireRole(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return;
            }
        }
        throw ProblemException.forbidden("Uw rol mag deze handeling niet uitvoeren.");
    }
}
