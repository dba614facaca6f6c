package nl.pupildata.platform.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OneStatementTest {

    @Test
    void namesBecomeNumbersInTheOrderTheyFirstAppearAndARepeatedNameKeepsItsNumber() {
        OneStatement.Positional p = OneStatement.positional(
                "insert into t (a, b, c) select :b, cast(:a as text), x::uuid from s where y = :b",
                Map.of("a", "A", "b", 2));
        assertEquals("insert into t (a, b, c) select $1, cast($2 as text), x::uuid from s where y = $1", p.sql());
        assertEquals(List.of(2, "A"), p.values());
        OneStatement.Positional again = OneStatement.positional(
                "insert into t (a, b, c) select :b, cast(:a as text), x::uuid from s where y = :b",
                Map.of("a", "C", "b", 4));
        assertEquals(p.sql(), again.sql(), "the text numbered once, the values bound each time");
        assertEquals(List.of(4, "C"), again.values());
        assertThrows(IllegalArgumentException.class, () -> OneStatement.positional(
                "insert into t (a, b, c) select :b, cast(:a as text), x::uuid from s where y = :b", Map.of("a", "C")));
    }

    @Test
    void anInstantIsBoundAsTheOffsetDateTimeTheReactiveClientTakesAndNullStaysNull() {
        Instant at = Instant.parse("2026-12-02T10:15:30.123456Z");
        Map<String, Object> values = new HashMap<>();
        values.put("at", at);
        values.put("none", null);
        OneStatement.Positional p = OneStatement.positional("values (:at, :none)", values);
        assertEquals(Arrays.asList(OffsetDateTime.of(2026, 12, 2, 10, 15, 30, 123_456_000, ZoneOffset.UTC), null),
                p.values());
    }

    @Test
    void aParameterWithoutAValueOrAValueWithoutAParameterIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> OneStatement.positional("values (:a, :b)", Map.of("a", 1)));
        assertThrows(IllegalArgumentException.class, () -> OneStatement.positional("values (:a)",
                Map.of("a", 1, "b", 2)));
    }

    @Test
    void oneNameCannotMeanTwoValuesInOneStatement() {
        OneStatement statement = new OneStatement().with("first", "insert into t values (:id)", Map.of("id", 1));
        assertThrows(IllegalArgumentException.class,
                () -> statement.with("second", "insert into u values (:id)", Map.of("id", 2)));
    }
}
