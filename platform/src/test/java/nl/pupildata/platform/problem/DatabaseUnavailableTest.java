package nl.pupildata.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void aDatabaseThatIsAwayIsRecognised() {
        assertTrue(ProblemMappers.isDatabaseUnavailable(new PgException("the database system is starting up",
                "FATAL", "57P03", null)));
        assertTrue(ProblemMappers.isDatabaseUnavailable(new PgException("terminating connection", "FATAL", "57P01",
                null)));
        assertTrue(ProblemMappers.isDatabaseUnavailable(new RuntimeException(new ConnectException("refused"))));
        assertTrue(ProblemMappers.isDatabaseUnavailable(new SQLException("no connection", "08001")));
    }

    @Test
    void aConnectionLostWhileAStatementWasInFlightIsRecognised() {
        // The exact failures the Vert.x SQL client gives when PostgreSQL stops under a running command.
        assertTrue(ProblemMappers.isDatabaseUnavailable(new RuntimeException(new NoStackTraceThrowable(
                "Pending requests failed to be sent due to connection has been closed."))));
        assertTrue(ProblemMappers.isDatabaseUnavailable(ClosedConnectionException.INSTANCE));
        assertTrue(ProblemMappers.isDatabaseUnavailable(new IllegalStateException("commit failed",
                new ClosedChannelException())));
        assertTrue(ProblemMappers.isDatabaseUnavailable(new VertxException("Connection reset by peer")));
        assertTrue(ProblemMappers.isDatabaseUnavailable(new NoStackTraceThrowable("Timeout")));
    }

    @Test
    void aBrokenCommandIsNot() {
        assertFalse(ProblemMappers.isDatabaseUnavailable(new PgException("duplicate key", "ERROR", "23505", null)));
        assertFalse(ProblemMappers.isDatabaseUnavailable(new IllegalStateException("bug")));
        assertFalse(ProblemMappers.isDatabaseUnavailable(new IllegalStateException("connection closed")));
        assertFalse(ProblemMappers.isDatabaseUnavailable(new VertxException("Invalid JSON")));
    }
}
