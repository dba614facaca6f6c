package nl.pupildata.platform.problem;

/** One failed field of a refused command. */
public record Violation(String field, String message) {
}
