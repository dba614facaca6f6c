package nl.pupildata.register.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.pupildata.register.domain.RegisterFold;
import nl.pupildata.register.domain.RegisterFold.Summary;

/**
 * The register's row, column by column: the one mapping from a folded request to what is stored, and from what is
 * stored to the CSV export. The live projection's upsert and the replay's batch upsert are both written from it.
 */
public enum RegisterColumn {
    REQUEST_ID("request_id", "uuid", "requestId", Summary::requestId),
    SCHOOL_BRIN("school_brin", "text", "schoolBrin", Summary::schoolBrin),
    KIND("kind", "text", "kind", s -> name(s.kind())),
    REQUESTER_CATEGORY("requester_category", "text", "requesterCategory", s -> name(s.requesterCategory())),
    PUPIL_REF("pupil_ref", "text", "pupilRef", Summary::pupilRef),
    RECEIVED_ON("received_on", "date", "receivedOn", Summary::receivedOn),
    STATUS("status", "text", "status", s -> name(s.status())),
    OUTCOME("outcome", "text", "outcome", Summary::outcome),
    DUE_ON("due_on", "date", "dueOn", Summary::dueOn),
    EXTENSIONS("extensions", "int", "extensions", s -> s.extensions().size()),
    CONSENT_REQUIREMENT("consent_requirement", "text", "consentRequirement", s -> name(s.consentRequirement())),
    CONSENT_SATISFIED("consent_satisfied", "boolean", "consentSatisfied", Summary::consentSatisfied),
    SHARES("shares", "int", "shares", s -> s.shares().size()),
    REFUSAL_REASON("refusal_reason", "text", "refusalReason", RegisterFold::lastRefusalReason),
    CLOSED_ON("closed_on", "date", "closedOn", Summary::closedOn),
    MET_WITHIN_TERM("met_within_term", "boolean", "metWithinTerm", Summary::metWithinTerm),
    /** For ordering; not exported. */
    LAST_EVENT_AT("last_event_at", "timestamptz", null, Summary::lastEventAt);

    final String column;
    final String sqlType;
    /** The CSV header, or null when the column is not exported. */
    final String csvHeader;
    private final Function<Summary, Object> value;

    RegisterColumn(String column, String sqlType, String csvHeader, Function<Summary, Object> value) {
        this.column = column;
        this.sqlType = sqlType;
        this.csvHeader = csvHeader;
        this.value = value;
    }

    /** The column's value for a folded request, as text (every type travels as text and is cast in SQL). */
    String text(Summary s) {
        Object v = value.apply(s);
        return v == null ? null : v.toString();
    }

    /** The value as the CSV shows it, read from a row selected with {@link #csvColumns()}. */
    Object csvCell(ResultSet r) throws SQLException {
        return switch (sqlType) {
            case "uuid" -> r.getObject(column, UUID.class);
            case "date" -> r.getObject(column, LocalDate.class);
            case "int" -> r.getInt(column);
            case "boolean" -> r.getObject(column);
            default -> CsvCells.safe(r.getString(column));
        };
    }

    static List<RegisterColumn> exported() {
        return Arrays.stream(values()).filter(c -> c.csvHeader != null).toList();
    }

    static String[] csvHeader() {
        return exported().stream().map(c -> c.csvHeader).toArray(String[]::new);
    }

    static String csvColumns() {
        return exported().stream().map(c -> c.column).collect(Collectors.joining(", "));
    }

    /** Insert or replace one row; parameters {@code :c0 … :cN} are the columns' {@link #text} values. */
    static final String UPSERT_ONE = "insert into register_entry (" + names() + ") values ("
            // Declared text first: the reactive client binds a parameter by the type PostgreSQL infers for it.
            + Arrays.stream(values()).map(c -> "cast(cast(:c" + c.ordinal() + " as text) as " + c.sqlType + ")")
                    .collect(Collectors.joining(", ")) + ")" + onConflict();

    /** Insert or replace many rows; parameter i is the text array of column i. */
    static final String UPSERT_MANY = "insert into register_entry (" + names() + ") select "
            + Arrays.stream(values()).map(c -> "cast(u." + c.column + " as " + c.sqlType + ")")
                    .collect(Collectors.joining(", "))
            + " from unnest(" + Arrays.stream(values()).map(c -> "?::text[]").collect(Collectors.joining(", "))
            + ") as u(" + names() + ")" + onConflict();

    private static String names() {
        return Arrays.stream(values()).map(c -> c.column).collect(Collectors.joining(", "));
    }

    private static String onConflict() {
        return " on conflict (request_id) do update set " + Arrays.stream(values()).filter(c -> c != REQUEST_ID)
                .map(c -> c.column + " = excluded." + c.column).collect(Collectors.joining(", "));
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
