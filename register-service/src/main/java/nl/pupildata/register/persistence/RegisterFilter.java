package nl.pupildata.register.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which register entries a query is about: one definition, rendered as HQL for the pages of the API and as SQL for
 * the streamed CSV export, so the two can never select differently.
 *
 * @param schools the caller's schools; null for a board-wide caller (every school)
 */
public record RegisterFilter(Set<String> schools, String school, String kind, String status, LocalDate from,
        LocalDate to, String pupilRef) {

    /** A rendered condition: the where-clause and its parameters (named for HQL, in order for SQL). */
    public record Rendered(String where, Map<String, Object> named, List<Object> positional) {

        /** Binds the SQL rendering's parameters, from the first {@code ?} on (a set goes as a text array). */
        public void bind(java.sql.Connection c, java.sql.PreparedStatement s) throws java.sql.SQLException {
            for (int i = 0; i < positional.size(); i++) {
                Object arg = positional.get(i);
                if (arg instanceof String[] values) {
                    s.setArray(i + 1, c.createArrayOf("text", values));
                } else {
                    s.setObject(i + 1, arg);
                }
            }
        }
    }

    private enum Op { EQ, GE, LE, IN }

    private record Condition(String field, String column, Op op, Object value) {
    }

    private List<Condition> conditions() {
        List<Condition> c = new ArrayList<>();
        if (schools != null) {
            c.add(new Condition("schoolBrin", "school_brin", Op.IN, schools.isEmpty() ? Set.of("-") : schools));
        }
        add(c, "schoolBrin", "school_brin", school);
        add(c, "kind", "kind", kind);
        add(c, "status", "status", status);
        add(c, "pupilRef", "pupil_ref", pupilRef);
        if (from != null) {
            c.add(new Condition("receivedOn", "received_on", Op.GE, from));
        }
        if (to != null) {
            c.add(new Condition("receivedOn", "received_on", Op.LE, to));
        }
        return c;
    }

    private static void add(List<Condition> c, String field, String column, String value) {
        if (value != null && !value.isBlank()) {
            c.add(new Condition(field, column, Op.EQ, value));
        }
    }

    /** For Panache: {@code schoolBrin is not null and …} with named parameters. */
    public Rendered hql() {
        StringBuilder where = new StringBuilder("schoolBrin is not null");
        Map<String, Object> params = new HashMap<>();
        List<Condition> conditions = conditions();
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            String p = ":p" + i;
            where.append(" and ").append(c.field()).append(switch (c.op()) {
                case EQ -> " = " + p;
                case GE -> " >= " + p;
                case LE -> " <= " + p;
                case IN -> " in " + p;
            });
            params.put("p" + i, c.value());
        }
        return new Rendered(where.toString(), params, List.of());
    }

    /** For JDBC: {@code school_brin is not null and …} with {@code ?} parameters (a set becomes a text array). */
    public Rendered sql() {
        StringBuilder where = new StringBuilder("school_brin is not null");
        List<Object> args = new ArrayList<>();
        for (Condition c : conditions()) {
            where.append(" and ").append(c.column()).append(switch (c.op()) {
                case EQ -> " = ?";
                case GE -> " >= ?";
                case LE -> " <= ?";
                case IN -> " = any(?)";
            });
            args.add(c.value() instanceof Set<?> set ? set.toArray(String[]::new) : c.value());
        }
        return new Rendered(where.toString(), Map.of(), args);
    }
}
