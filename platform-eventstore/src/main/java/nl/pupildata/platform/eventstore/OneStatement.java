package nl.pupildata.platform.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows of several tables written by one SQL statement: named parts of a {@code WITH} clause, each an insert, and a
 * last statement. PostgreSQL runs a statement with all its parts atomically, so a write that needs nothing read
 * first (an intake: a new request's key, its first event, their outbox rows, its own rows) needs neither a
 * transaction around it nor more than one round trip.
 *
 * <p>The parts use named parameters ({@code :name}), as Hibernate's native queries do, so an insert that other
 * commands run inside their transaction (an event's row and its outbox row, {@link EventStore}) is written once and
 * used by both. A name means one value in the whole statement.
 */
public final class OneStatement {

    /** {@code :name}, not the second colon of a {@code ::type} cast. */
    private static final Pattern NAMED = Pattern.compile("(?<![:\\w]):([A-Za-z]\\w*)");

    private final List<String> parts = new ArrayList<>();
    private final Map<String, Object> values = new HashMap<>();

    /** A part, {@code name as (sql)}, and the values of its parameters. */
    public OneStatement with(String name, String sql, Map<String, ?> partValues) {
        parts.add(name + " as (" + sql + ")");
        bind(partValues);
        return this;
    }

    /** Runs the parts and {@code last} as one statement. */
    public Uni<RowSet<Row>> execute(SqlClient client, String last, Map<String, ?> lastValues) {
        bind(lastValues);
        Positional positional = positional((parts.isEmpty() ? "" : "with " + String.join(", ", parts) + " ") + last,
                values);
        return client.preparedQuery(positional.sql()).execute(Tuple.from(positional.values()));
    }

    private void bind(Map<String, ?> partValues) {
        partValues.forEach((name, value) -> {
            if (values.containsKey(name) && !Objects.equals(values.get(name), value)) {
                throw new IllegalArgumentException("Parameter :" + name + " bound twice with different values");
            }
            values.put(name, value);
        });
    }

    /** The statement as the reactive client takes it: {@code $1 … $n}, each name numbered at its first place. */
    record Positional(String sql, List<Object> values) {
    }

    /** A statement's text with its names numbered, and the names in the order of their numbers. */
    private record Numbered(String sql, List<String> names) {
    }

    /**
     * The texts numbered so far: a statement is made of constant parts, so a service has a handful of texts and
     * numbers each once, not once per command (it was 4 % of intake's CPU). Bounded all the same.
     */
    private static final Map<String, Numbered> NUMBERED = new ConcurrentHashMap<>();
    private static final int MAX_NUMBERED = 256;

    static Positional positional(String sql, Map<String, ?> values) {
        Numbered cached = NUMBERED.get(sql);
        Numbered numbered = cached != null ? cached
                : NUMBERED.size() < MAX_NUMBERED ? NUMBERED.computeIfAbsent(sql, OneStatement::number) : number(sql);
        List<Object> ordered = new ArrayList<>(numbered.names().size());
        for (String name : numbered.names()) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("No value for parameter :" + name);
            }
            ordered.add(asBound(values.get(name)));
        }
        if (ordered.size() != values.size()) {
            throw new IllegalArgumentException("Values without a parameter: " + values.keySet().stream()
                    .filter(n -> !numbered.names().contains(n)).toList());
        }
        return new Positional(numbered.sql(), ordered);
    }

    private static Numbered number(String sql) {
        Map<String, Integer> numbers = new HashMap<>();
        List<String> names = new ArrayList<>();
        Matcher m = NAMED.matcher(sql);
        StringBuilder out = new StringBuilder(sql.length());
        while (m.find()) {
            int number = numbers.computeIfAbsent(m.group(1), name -> {
                names.add(name);
                return names.size();
            });
            m.appendReplacement(out, "\\$" + number);
        }
        m.appendTail(out);
        return new Numbered(out.toString(), List.copyOf(names));
    }

    /** The reactive client binds {@code timestamptz} from an {@code OffsetDateTime}, not from an {@code Instant}. */
    private static Object asBound(Object value) {
        return value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
    }
}
