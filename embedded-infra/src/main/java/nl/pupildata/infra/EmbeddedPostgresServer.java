package nl.pupildata.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * A real PostgreSQL server from the zonky binaries (Maven Central only, no system install), on a loopback
 * port, with one database per service. It can be stopped and started again with the same data.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path dataDir;
    private final int port;
    private final boolean deleteOnClose;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDir, int port, boolean deleteOnClose) {
        this.dataDir = dataDir;
        this.port = port;
        this.deleteOnClose = deleteOnClose;
    }

    /** Starts PostgreSQL on the port (0 picks a free one), keeping the data directory's contents. */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean deleteOnClose) {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, port == 0 ? FreePort.find() : port,
                deleteOnClose);
        server.startServer();
        return server;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    /** Creates each database that does not exist yet. */
    public void createDatabases(Collection<String> names) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String name : names) {
                if (!name.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("Not a plain database name: " + name);
                }
                try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                    if (!rs.next()) {
                        s.execute("create database " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create databases " + names + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server and keeps its data. */
    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new IllegalStateException("PostgreSQL did not stop cleanly", e);
            } finally {
                postgres = null;
            }
        }
    }

    public synchronized void restart() {
        if (postgres == null) {
            startServer();
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (deleteOnClose) {
            EmbeddedKafka.deleteRecursively(dataDir);
        }
    }

    private synchronized void startServer() {
        try {
            Files.createDirectories(dataDir);
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL could not start in " + dataDir + ": " + e.getMessage(), e);
        }
    }
}
