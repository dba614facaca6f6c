package nl.pupildata.staffweb.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A posted form's values by field name (the first of each), without the CSRF token. */
final class Forms {

    private Forms() {
    }

    static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (!k.equals("csrf-token")) {
                values.put(k, v.isEmpty() ? "" : v.get(0));
            }
        });
        return values;
    }
}
