package nl.pupildata.consent.domain;

/** A consent command the rules do not allow; {@code invalidInput} means missing fields (400), else 422. */
public final class ConsentViolation extends RuntimeException {
    private final String rule;
    private final String field;
    private final boolean invalidInput;

    public ConsentViolation(String rule, String message, String field, boolean invalidInput) {
        super(message);
        this.rule = rule;
        this.field = field;
        this.invalidInput = invalidInput;
    }

    public static ConsentViolation rule(String rule, String message, String field) {
        return new ConsentViolation(rule, message, field, false);
    }

    public static ConsentViolation missing(String rule, String field) {
        return new ConsentViolation(rule, "verplicht", field, true);
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    public boolean invalidInput() {
        return invalidInput;
    }
}
