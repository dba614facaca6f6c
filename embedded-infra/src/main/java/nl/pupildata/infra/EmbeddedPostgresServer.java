package nl.pupildata.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A real PostgreSQL server from the zonky binaries (Maven Central only, no system install), on a loopback
 * port, with one database per service. It can be stopped and started again with the same data.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path dataDir;
    private final int port;
    private final Durability durability;
    private final boolean deleteOnClose;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDir, int port, Durability durability, boolean deleteOnClose) {
        this.dataDir = dataDir;
        this.port = port;
        this.durability = durability;
        this.deleteOnClose = deleteOnClose;
    }

    /** Starts PostgreSQL on the port (0 picks a free one), keeping the data directory's contents. */
    public static EmbeddedPostgresServer start(Path dataDir, int port, Durability durability, boolean deleteOnClose) {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, port == 0 ? FreePort.find() : port,
                durability, deleteOnClose);
        server.startServer();
        return server;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(port, database);
    }

    public static String jdbcUrl(int port, String database) {
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

    /** Stops the server (a fast shutdown: sessions are ended, a checkpoint written) and keeps its data. */
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

    /**
     * Stops at once without a checkpoint (SIGQUIT to the postmaster): the next start recovers from the WAL,
     * losing nothing that was committed. For a second Ctrl-C that must not wait.
     */
    public synchronized void stopImmediately() {
        postmasterPid(dataDir).flatMap(ProcessHandle::of).ifPresent(p -> {
            signal(p.pid(), "QUIT");
            p.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> null).join();
        });
        postgres = null;
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

    /**
     * A PostgreSQL still running on this data directory, left behind by a process that was killed before it could
     * stop it (its {@code postmaster.pid} names a live postgres process): stopped cleanly (fast shutdown), so the
     * data can be started again. Returns the pid that was stopped, if there was one.
     */
    public static Optional<Long> stopLeftover(Path dataDir, Consumer<String> log) {
        Optional<ProcessHandle> running = postmasterPid(dataDir).flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        if (running.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle p = running.get();
        log.accept("PostgreSQL of an earlier run (pid " + p.pid() + ") is still running on " + dataDir
                + "; stopping it cleanly …");
        signal(p.pid(), "INT"); // fast shutdown: ends the sessions, writes a checkpoint
        if (!await(p, Duration.ofSeconds(30))) {
            log.accept("It did not stop within 30 s; stopping it immediately (it recovers from its WAL at start).");
            signal(p.pid(), "QUIT");
            if (!await(p, Duration.ofSeconds(10))) {
                throw new IllegalStateException("PostgreSQL (pid " + p.pid() + ") on " + dataDir + " does not stop");
            }
        }
        return Optional.of(p.pid());
    }

    static Optional<Long> postmasterPid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean await(ProcessHandle p, Duration timeout) {
        try {
            p.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !p.isAlive();
        }
    }

    /** PostgreSQL's shutdown modes are chosen by signal (INT fast, QUIT immediate), which Java cannot send itself. */
    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("Could not signal PostgreSQL (pid " + pid + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A connection to the server's {@code postgres} database, as the superuser. */
    public static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(port, "postgres"), USER, PASSWORD);
    }

    /** The major version of the PostgreSQL binaries this project runs (the root pom's {@code postgres.major}). */
    public static String major() {
        try (var in = EmbeddedPostgresServer.class.getResourceAsStream("postgres.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("major");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("postgres.properties is missing from embedded-infra", e);
        }
    }

    /**
     * Data written by another major version cannot be opened by this one (PostgreSQL's own rule): say so, and how to
     * go on, before PostgreSQL fails with a less helpful message.
     */
    static void requireSameMajor(Path dataDir, String major) {
        Path version = dataDir.resolve("PG_VERSION");
        if (!Files.exists(version)) {
            return;
        }
        String written;
        try {
            written = Files.readString(version, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return;
        }
        if (!written.equals(major)) {
            throw new IllegalStateException("The data in " + dataDir + " was written by PostgreSQL " + written
                    + "; this version of the project runs PostgreSQL " + major + ", which cannot open it. Start from"
                    + " empty with --fresh (the demo requests can be loaded again with --demo), or keep the old"
                    + " data with the previous version of the project.");
        }
    }

    private synchronized void startServer() {
        try {
            Files.createDirectories(dataDir);
            requireSameMajor(dataDir, major());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "300");
            if (durability == Durability.DURABLE) {
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("full_page_writes", "on")
                        .setServerConfig("synchronous_commit", "on")
                        // Keeps the WAL an online backup needs even when checkpoints run during the copy.
                        .setServerConfig("wal_keep_size", "256MB");
            } else {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            postgres = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL could not start in " + dataDir + ": " + e.getMessage(), e);
        }
    }
}
