package nl.pupildata.rules;

import java.util.List;

/**
 * A command the quality card does not allow, thrown by the services' pure domain code and answered as an
 * RFC 9457 problem naming the rule. {@code invalidInput} marks missing or malformed fields (400); otherwise a
 * rule forbids it (422). A refused command produces no events.
 */
public final class RuleViolation extends RuntimeException {

    /** One failed field; the message is for school staff (Dutch) and never repeats the refused value. */
    public record Field(String field, String message) {
    }

    private final Rule rule;
    private final boolean invalidInput;
    private final List<Field> fields;

    private RuleViolation(Rule rule, String message, boolean invalidInput, List<Field> fields) {
        super(message);
        this.rule = rule;
        this.invalidInput = invalidInput;
        this.fields = List.copyOf(fields);
    }

    /** 422: the rule forbids it. */
    public static RuleViolation rule(Rule rule, String message) {
        return new RuleViolation(rule, message, false, List.of());
    }

    /** 422 with the fields the rule looked at. */
    public static RuleViolation rule(Rule rule, String message, List<Field> fields) {
        return new RuleViolation(rule, message, false, fields);
    }

    /** 422 about one field. */
    public static RuleViolation rule(Rule rule, String message, String field) {
        return new RuleViolation(rule, message, false, field == null ? List.of() : List.of(new Field(field, message)));
    }

    /** 400: missing or malformed fields; {@code rule} names the rule that demands them, or is null. */
    public static RuleViolation invalid(Rule rule, List<Field> fields) {
        return new RuleViolation(rule, "Niet alle velden zijn juist ingevuld.", true, fields);
    }

    /** 400: one required field is missing. */
    public static RuleViolation missing(Rule rule, String field) {
        return invalid(rule, List.of(new Field(field, rule == null ? "verplicht" : "verplicht (" + rule.id() + ")")));
    }

    /** The rule that said no (null for a plain field error). */
    public Rule rule() {
        return rule;
    }

    public boolean invalidInput() {
        return invalidInput;
    }

    public List<Field> fields() {
        return fields;
    }
}
