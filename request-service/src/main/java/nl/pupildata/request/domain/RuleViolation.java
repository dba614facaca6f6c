package nl.pupildata.request.domain;

import java.util.List;

/**
 * A command the quality card does not allow. {@code invalidInput} marks missing or malformed fields (400);
 * otherwise a rule forbids it (422). A refused command produces no events.
 */
public final class RuleViolation extends RuntimeException {

    public record Field(String field, String message) {
    }

    private final String rule;
    private final boolean invalidInput;
    private final List<Field> fields;

    private RuleViolation(String rule, String message, boolean invalidInput, List<Field> fields) {
        super(message);
        this.rule = rule;
        this.invalidInput = invalidInput;
        this.fields = List.copyOf(fields);
    }

    public static RuleViolation rule(String rule, String message) {
        return new RuleViolation(rule, message, false, List.of());
    }

    public static RuleViolation rule(String rule, String message, List<Field> fields) {
        return new RuleViolation(rule, message, false, fields);
    }

    public static RuleViolation invalid(String rule, List<Field> fields) {
        return new RuleViolation(rule, "Niet alle velden zijn juist ingevuld.", true, fields);
    }

    public String rule() {
        return rule;
    }

    public boolean invalidInput() {
        return invalidInput;
    }

    public List<Field> fields() {
        return fields;
    }
}
