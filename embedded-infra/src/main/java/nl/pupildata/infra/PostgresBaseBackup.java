package nl.pupildata.infra;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * A consistent copy of a running PostgreSQL cluster — all its databases at one moment — taken while it serves, with
 * PostgreSQL's low-level backup API (what {@code pg_basebackup} does; the embedded binaries do not include it): the
 * files are copied between backup start and stop, then the WAL written meanwhile, and the {@code backup_label} that
 * tells a server started on the copy where to begin its recovery. The copy is a data directory that starts as is.
 */
public final class PostgresBaseBackup {

    /** Server files that a backup leaves out (PostgreSQL's documentation, "Making a Base Backup Using the Low Level API"). */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "epg-lock");
    /** Folders whose contents are left out (they are created empty). */
    private static final Set<String> EMPTIED_DIRS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    private PostgresBaseBackup() {
    }

    /**
     * Copies the cluster serving on {@code port} from {@code dataDir} into {@code target} (which must not exist).
     */
    public static void copy(int port, Path dataDir, Path target) throws SQLException, IOException {
        if (Files.exists(target)) {
            throw new IOException(target + " exists already");
        }
        try (Connection c = EmbeddedPostgresServer.connect(port); Statement s = c.createStatement()) {
            boolean v15 = serverVersion(s) >= 150000;
            s.execute(v15 ? "select pg_backup_start('pupil-data backup', true)"
                    : "select pg_start_backup('pupil-data backup', true, false)");
            String label;
            String tablespaceMap;
            try {
                copyFiles(dataDir, target);
            } catch (IOException | RuntimeException e) {
                s.execute(v15 ? "select pg_backup_stop(false)" : "select pg_stop_backup(false, false)");
                throw e;
            }
            try (ResultSet rs = s.executeQuery(v15 ? "select labelfile, spcmapfile from pg_backup_stop(true)"
                    : "select labelfile, spcmapfile from pg_stop_backup(false, true)")) {
                rs.next();
                label = rs.getString(1);
                tablespaceMap = rs.getString(2);
            }
            Files.writeString(target.resolve("backup_label"), label);
            if (tablespaceMap != null && !tablespaceMap.isBlank()) {
                Files.writeString(target.resolve("tablespace_map"), tablespaceMap);
            }
            // The WAL from the backup's start to its end: the stop switched to a new segment, so every record the
            // copy needs is in the files that exist now (kept by wal_keep_size even if a checkpoint ran).
            copyWal(dataDir.resolve("pg_wal"), target.resolve("pg_wal"));
        }
    }

    private static int serverVersion(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("show server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1));
        }
    }

    private static void copyFiles(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return !dir.equals(source) && EMPTIED_DIRS.contains(dir.getFileName().toString())
                        && dir.getParent().equals(source) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                boolean top = file.getParent().equals(source);
                if ((top && SKIPPED_FILES.contains(name)) || name.startsWith("pgsql_tmp")) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, target.resolve(source.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException dropped) {
                    // a table dropped or a temporary file removed during the copy: recovery does not need it
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static void copyWal(Path wal, Path target) throws IOException {
        Files.createDirectories(target.resolve("archive_status"));
        try (var files = Files.list(wal)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try {
                    Files.copy(f, target.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException recycled) {
                    // an old segment recycled meanwhile: older than the backup's start
                }
            }
        }
    }
}
