package nl.pupildata.staffweb.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The page offers an action to exactly the roles that docs/security.md (the matrix the services are tested on) allows. */
class PermissionsTest {

    static final List<String> ROLES = List.of("DIRECTOR", "QUALITY_COORDINATOR", "ADMIN_STAFF",
            "SAFEGUARDING_OFFICER", "QUALITY_OFFICER", "PRIVACY_OFFICER");

    /** The roles with ✓ per endpoint ("POST /requests/{id}/review"), read from the matrix. */
    static Map<String, Set<String>> matrix() throws IOException {
        Map<String, Set<String>> allowed = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("../docs/security.md"))) {
            List<String> cells = Arrays.stream(line.split("\\|")).map(String::trim).filter(c -> !c.isEmpty()).toList();
            if (cells.size() < 8 || !cells.get(0).endsWith("-service")) {
                continue;
            }
            Set<String> roles = new TreeSet<>();
            for (int i = 0; i < ROLES.size(); i++) {
                if (cells.get(2 + i).startsWith("✓")) {
                    roles.add(ROLES.get(i));
                }
            }
            allowed.put(cells.get(1).replace("`", ""), roles);
        }
        return allowed;
    }

    static String endpointOf(String action) {
        return switch (action) {
            case "intake" -> "POST /requests";
            case "worklist" -> "GET /deadlines";
            case "register" -> "GET /register";
            case "consultations/answer" -> "POST /requests/{id}/consultations/{consultationId}/answer";
            case "letters" -> "POST /requests/{id}/letters/acknowledgement"; // every letter alike
            default -> "POST /requests/{id}/" + action; // steps, consent/…, deadline/extensions
        };
    }

    @Test
    void everyActionIsOfferedToExactlyTheRolesTheMatrixAllows() throws IOException {
        Map<String, Set<String>> matrix = matrix();
        assertTrue(matrix.size() > 30, "the matrix was read");
        Permissions.ACTIONS.forEach((action, roles) -> {
            Set<String> documented = matrix.get(endpointOf(action));
            assertEquals(documented, new TreeSet<>(roles), action + " (" + endpointOf(action) + ")");
        });
    }

    @Test
    void everyStepOfTheRequestServiceHasAnEntry() throws IOException {
        matrix().keySet().stream().filter(e -> e.startsWith("POST /requests/{id}/")).forEach(endpoint -> {
            String action = endpoint.substring("POST /requests/{id}/".length())
                    .replace("/{consultationId}/", "/").replaceAll("^letters/.*", "letters");
            assertTrue(Permissions.ACTIONS.containsKey(action), "the page knows who may " + action);
        });
    }

    @Test
    void anUnknownActionIsOfferedToNobody() {
        assertFalse(Permissions.may(Set.of("DIRECTOR", "QUALITY_OFFICER"), "dossier-download"));
        assertTrue(Permissions.may(Set.of("ADMIN_STAFF"), "shares"));
        assertFalse(Permissions.may(Set.of("ADMIN_STAFF"), "review"));
    }
}
