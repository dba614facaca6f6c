package nl.pupildata.platform.sql;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A native select in the caller's session that leaves no query plan behind.
 *
 * <p>Hibernate ORM 7.2 with Hibernate Reactive 3.2 (Quarkus 3.33) caches a plan for each execution of a native select
 * under a key that never equals the next execution's, typed or not: one more cached plan per call (measured in
 * {@code EventStoreTests}), every one with the hash of the same SQL text. The plan cache filled up to its 2,048
 * entries in every service, and each lookup walked all the entries of that text: a tenth of a consumer's CPU, for a
 * key lookup done for every event. Hibernate does not cache the plan of a query with a parameter list
 * ({@code NativeQueryImpl.isCacheableQuery}), so every value is bound here as a list of one: {@code :name} expands to
 * one {@code ?}, the SQL is the same, and nothing is kept.
 */
public final class NativeSelect {

    private NativeSelect() {
    }

    /** The select with its values bound; a collection is bound as the list it is. */
    public static <R> Mutiny.SelectionQuery<R> of(Mutiny.Session session, String sql, Map<String, ?> values) {
        return bound(session.createNativeQuery(sql), values);
    }

    /** The same, each row read as an entity of {@code type}. */
    public static <R> Mutiny.SelectionQuery<R> of(Mutiny.Session session, String sql, Class<R> type,
            Map<String, ?> values) {
        return bound(session.createNativeQuery(sql, type), values);
    }

    private static <R> Mutiny.SelectionQuery<R> bound(Mutiny.SelectionQuery<R> query, Map<String, ?> values) {
        values.forEach((name, value) -> query.setParameter(name, value instanceof Collection<?> list ? list
                : List.of(value)));
        return query;
    }
}
