package nl.pupildata.platform.consumer;

import io.vertx.sqlclient.DatabaseException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an event's state change failed in a way that no retry can mend: PostgreSQL refused the data itself
 * (SQLSTATE class 22, "data exception": a NUL character, a value too long, an invalid date) or a constraint on
 * it (not-null, check). Everything else — the database away, a lock or serialisation conflict, a foreign key
 * whose row is not there yet — may succeed later and is retried.
 */
final class PermanentFailure {

    private static final Set<String> PERMANENT_CONSTRAINTS = Set.of("23502", "23514");

    private PermanentFailure() {
    }

    /** The SQLSTATE of the first database error in the cause chain, if any. */
    static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseException db && db.getSqlState() != null) {
                return Optional.of(db.getSqlState());
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    static boolean isPermanent(Throwable failure) {
        return sqlState(failure).filter(PermanentFailure::isPermanentState).isPresent();
    }

    static boolean isPermanentState(String sqlState) {
        return sqlState.startsWith("22") || PERMANENT_CONSTRAINTS.contains(sqlState);
    }
}
