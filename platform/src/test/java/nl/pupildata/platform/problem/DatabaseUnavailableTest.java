package nl.pupildata.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
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
    void aBrokenCommandIsNot() {
        assertFalse(ProblemMappers.isDatabaseUnavailable(new PgException("duplicate key", "ERROR", "23505", null)));
        assertFalse(ProblemMappers.isDatabaseUnavailable(new IllegalStateException("bug")));
    }
}
