package nl.pupildata.staffweb.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.pupildata.rules.Rule;
import nl.pupildata.staffweb.client.Api;

/**
 * What a user typed, and what a refusal said about it: every failed field's message by field name, and the rule that
 * said no with its Dutch text. Nothing typed is lost when a form is shown again.
 */
public record FormState(Map<String, String> values, Map<String, String> errors, String rule, String ruleText,
        String detail) {

    public static FormState empty(Map<String, String> defaults) {
        return new FormState(new LinkedHashMap<>(defaults), Map.of(), null, null, null);
    }

    /** The form as typed, with the problem's violations placed by field ({@code aliases} renames a field). */
    public static FormState refused(Map<String, String> values, Api.Problem problem, Map<String, String> aliases) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Api.Violation v : problem.violationsOrEmpty()) {
            String field = aliases.getOrDefault(v.field(), v.field());
            errors.merge(field, v.message(), (a, b) -> a + "; " + b);
        }
        String text = null;
        if (problem.rule() != null) {
            try {
                text = Rule.ofId(problem.rule()).text();
            } catch (IllegalArgumentException unknown) {
                text = null;
            }
        }
        return new FormState(values, errors, problem.rule(), text, problem.detail());
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean checked(String name) {
        String v = values.get(name);
        return v != null && (v.equals("true") || v.equals("on"));
    }

    public String error(String name) {
        return errors.get(name);
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || detail != null;
    }

    /** Errors about fields this form does not show (so that none is ever hidden). */
    public List<Map.Entry<String, String>> otherErrors(List<FormField> shown) {
        return errors.entrySet().stream().filter(e -> shown.stream().noneMatch(f -> f.name().equals(e.getKey())))
                .toList();
    }
}
