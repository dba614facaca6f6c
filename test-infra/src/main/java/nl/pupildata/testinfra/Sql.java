package nl.pupildata.testinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC reads of the service's database, for assertions that look behind the API. */
public final class Sql {
    private Sql() {
    }

    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** A connection of its own to the service's database (a test that holds a transaction open, say). */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(RealInfrastructure.postgres().jdbcUrl(RealInfrastructure.DATABASE),
                "postgres", "postgres");
    }

    /** Runs a statement that returns no rows (a test's own trigger, say). */
    public static void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static <T> List<T> query(String sql, Row<T> row) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row.read(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
