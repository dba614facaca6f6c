package nl.pupildata.staffweb.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** A submitted form's values as the services' JSON wants them: blank means absent, a ticked box means true. */
final class FormValues {

    private FormValues() {
    }

    /** Puts the trimmed value, or nothing when it is blank (the service then names the field as missing). */
    static void put(ObjectNode node, String field, String value) {
        if (!blank(value)) {
            node.put(field, value.trim());
        }
    }

    static boolean checked(Map<String, String> values, String name) {
        String value = values.get(name);
        return value != null && (value.equals("on") || value.equals("true"));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
