package nl.pupildata.staffweb.service;

import io.quarkus.oidc.client.OidcClient;
import jakarta.enterprise.context.ApplicationScoped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Names for the identity provider's user ids that events record (never names themselves): looked up in Keycloak's
 * admin API with this page's service account (view-users), kept in memory. Without a directory, or for an id it does
 * not know (a service, a departed colleague), the id is shown shortened.
 */
@ApplicationScoped
public class StaffDirectory {

    private static final Logger LOG = Logger.getLogger(StaffDirectory.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final Optional<String> adminUrl;
    private final OidcClient client;
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public StaffDirectory(@ConfigProperty(name = "pupil-data.staff-directory.keycloak-admin-url") Optional<String> adminUrl,
            OidcClient client) {
        this.adminUrl = adminUrl.filter(u -> !u.isBlank());
        this.client = client;
    }

    public String name(String actor) {
        if (actor == null) {
            return "";
        }
        if (actor.endsWith("-service")) {
            return "systeem (" + actor + ")";
        }
        String known = names.computeIfAbsent(actor, this::lookUp); // a failed look-up is not kept: tried again later
        return known != null ? known : "medewerker " + (actor.length() > 8 ? actor.substring(0, 8) : actor);
    }

    private String lookUp(String id) {
        if (adminUrl.isEmpty() || !ID.matcher(id).matches()) {
            return null;
        }
        try {
            String token = client.getTokens().await().atMost(Duration.ofSeconds(5)).getAccessToken();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(adminUrl.get() + "/users/" + id))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                LOG.debugf("No name for user %s: HTTP %d", id, r.statusCode());
                return null;
            }
            JsonNode user = JSON.readTree(r.body());
            String name = (user.path("firstName").asText("") + " " + user.path("lastName").asText("")).trim();
            return name.isEmpty() ? null : name;
        } catch (Exception e) {
            LOG.debugf("No name for user %s: %s", id, e.getMessage());
            return null;
        }
    }
}
