package nl.pupildata.platform.problem;

import java.util.List;

/** A refused command or query, answered as an RFC 9457 problem. A refused command changes nothing. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String rule;
    private final List<Violation> violations;

    public ProblemException(int status, String title, String detail, String rule, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.rule = rule;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    /** 422: a rule of the quality card forbids it. */
    public static ProblemException rule(String ruleId, String detail) {
        return new ProblemException(422, "Refused by rule " + ruleId, detail, ruleId, List.of());
    }

    /** 422 with the fields the rule looked at. */
    public static ProblemException rule(String ruleId, String detail, List<Violation> violations) {
        return new ProblemException(422, "Refused by rule " + ruleId, detail, ruleId, violations);
    }

    /** 400: missing or malformed fields; {@code ruleId} may be null. */
    public static ProblemException invalid(String ruleId, List<Violation> violations) {
        return new ProblemException(400, "Invalid request", "Niet alle velden zijn juist ingevuld.", ruleId,
                violations);
    }

    /** 409: closed, withdrawn or refused; or not known to this service yet. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Not allowed in the current state", detail, null, List.of());
    }

    /** 412: the caller's {@code If-Match} names a version of the request that is no longer the current one. */
    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "Precondition failed", detail, null, List.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, null, List.of());
    }

    /** 410: it existed, but what was asked for was erased (issue 19's retention). */
    public static ProblemException gone(String detail) {
        return new ProblemException(410, "Gone", detail, null, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, null, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String rule() {
        return rule;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Problem toProblem(String instance) {
        return new Problem(rule == null ? "about:blank" : "urn:pupil-data:rule:" + rule, title, status, getMessage(),
                instance, rule, violations.isEmpty() ? null : violations);
    }
}
