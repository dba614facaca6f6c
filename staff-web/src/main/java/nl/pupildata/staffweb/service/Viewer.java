package nl.pupildata.staffweb.service;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.pupildata.events.Labels;
import nl.pupildata.rules.Roles;
import nl.pupildata.staffweb.domain.Permissions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in staff member: name, roles and schools as the identity provider says, and what they may do. */
@RequestScoped
public class Viewer {

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @ConfigProperty(name = "pupil-data.security.schools-claim", defaultValue = "schools")
    String schoolsClaim;

    public String name() {
        String name = idToken.getClaim("name");
        return name != null ? name : identity.getPrincipal().getName();
    }

    public String subject() {
        return idToken.getSubject();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /** The roles in Dutch, for the header. */
    public String roleNames() {
        return String.join(", ", roles().stream().sorted().map(r -> Labels.of("role", r)).toList());
    }

    public List<String> schools() {
        Object claim = idToken.getClaim(schoolsClaim);
        Set<String> schools = new TreeSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> schools.add(v.toString().replace("\"", "")));
        } else if (claim instanceof jakarta.json.JsonArray array) {
            array.getValuesAs(jakarta.json.JsonString.class).forEach(s -> schools.add(s.getString()));
        }
        return List.copyOf(schools);
    }

    /** The schools as one line ("12AB, 34CD"). */
    public String schoolList() {
        return String.join(", ", schools());
    }

    public boolean boardWide() {
        return roles().stream().anyMatch(Roles.BOARD_WIDE::contains);
    }

    public boolean may(String action) {
        return Permissions.may(roles(), action);
    }
}
