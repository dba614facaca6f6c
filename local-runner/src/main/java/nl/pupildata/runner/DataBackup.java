package nl.pupildata.runner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import nl.pupildata.events.Topic;
import nl.pupildata.infra.EmbeddedPostgresServer;
import nl.pupildata.infra.PostgresBaseBackup;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * {@code scripts/backup} and {@code scripts/restore} for a board that runs on the embedded default.
 *
 * <p>A backup is the PostgreSQL cluster — the four services' databases at one and the same moment — copied while the
 * system runs (or, when it is stopped, from a PostgreSQL started briefly on the data). Kafka needs no copy of its own:
 * every event on its topics is in the event store of the service that produced it, so a restore starts Kafka empty
 * and publishes the event stores again; the consumers know the events they already applied by their ids. The
 * dead-letter topic is not part of a backup.
 */
public final class DataBackup {

    static final String BACKUP_USAGE = """
            Usage: scripts/backup [FILE.tar.gz | FOLDER] [--data DIR]

              Writes a consistent backup of the local run's data (default folder .run/data) while it runs or while
              it is stopped: to a .tar.gz file, or to a folder when the name does not end in .tar.gz.
              Default: pupil-data-backup-<date-time>.tar.gz in the current folder.
            """;
    static final String RESTORE_USAGE = """
            Usage: scripts/restore BACKUP [--data DIR] [--replace]

              Restores a backup (.tar.gz file or folder from scripts/backup) into an empty data folder (default
              .run/data) and rebuilds Kafka's topics from it. --replace deletes the folder's current data first.
              The local run must be stopped.
            """;
    private static final String MANIFEST = "pupil-data-backup.properties";
    private static final String POSTGRES = "postgres";

    private DataBackup() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("pupil-data.root", ".")).toAbsolutePath().normalize();
        String command = args.length > 0 ? args[0] : "";
        Path data = root.resolve(".run/data");
        Path target = null;
        boolean replace = false;
        String usage = "restore".equals(command) ? RESTORE_USAGE : BACKUP_USAGE;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> {
                    if (++i >= args.length) {
                        exit(usage, 2);
                    }
                    data = Path.of(args[i]).toAbsolutePath().normalize();
                }
                case "--replace" -> replace = true;
                case "--help", "-h" -> exit(usage, 0);
                default -> {
                    if (args[i].startsWith("--") || target != null) {
                        exit("Unknown option " + args[i] + "\n" + usage, 2);
                    }
                    target = Path.of(args[i]).toAbsolutePath().normalize();
                }
            }
        }
        switch (command) {
            case "backup" -> backup(new DataFolder(data), target != null ? target
                    : Path.of("pupil-data-backup-" + LocalDateTime.now().format(DateTimeFormatter
                            .ofPattern("yyyyMMdd-HHmmss")) + ".tar.gz").toAbsolutePath());
            case "restore" -> {
                if (target == null) {
                    exit(RESTORE_USAGE, 2);
                }
                restore(root, target, new DataFolder(data), replace);
            }
            default -> exit(BACKUP_USAGE + RESTORE_USAGE, 2);
        }
        System.exit(0);
    }

    static void backup(DataFolder data, Path target) throws Exception {
        Path pgDir = LocalStack.postgresDir(data.dir());
        if (!Files.exists(pgDir.resolve("PG_VERSION"))) {
            exit("There is no data to back up in " + data.dir() + ".", 1);
        }
        if (Files.exists(target)) {
            exit(target + " exists already; choose another name.", 1);
        }
        long t0 = System.nanoTime();
        Path work = Files.createTempDirectory(target.toAbsolutePath().getParent(), ".backup-");
        try {
            if (data.tryLock()) {
                // Stopped: start PostgreSQL briefly on the data (it recovers first if a run was killed).
                try {
                    LocalRun.stopLeftovers(data);
                    log("The local run is stopped: starting PostgreSQL briefly on " + pgDir + " …");
                    try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(pgDir, 0,
                            nl.pupildata.infra.Durability.DURABLE, false)) {
                        PostgresBaseBackup.copy(pg.port(), pgDir, work.resolve(POSTGRES));
                    }
                } finally {
                    data.close();
                }
            } else {
                int port = data.recordedPostgresPort().orElseThrow(() -> new IllegalStateException(
                        "A run holds " + data.dir() + " but recorded no PostgreSQL port"));
                log("Copying the running system's databases (PostgreSQL on port " + port + ") …");
                PostgresBaseBackup.copy(port, pgDir, work.resolve(POSTGRES));
            }
            for (String name : DataFolder.metadataFiles()) {
                if (Files.exists(data.dir().resolve(name))) {
                    Files.copy(data.dir().resolve(name), work.resolve(name));
                }
            }
            Properties manifest = new Properties();
            manifest.setProperty("format", "1");
            manifest.setProperty("created", java.time.Instant.now().toString());
            manifest.setProperty("source", data.dir().toString());
            manifest.setProperty("contents", "PostgreSQL base backup of the four services' databases; Kafka's "
                    + "topics are rebuilt from the event stores at restore");
            try (OutputStream out = Files.newOutputStream(work.resolve(MANIFEST))) {
                manifest.store(out, "scripts/backup");
            }
            if (isArchive(target)) {
                tar(work, target);
            } else {
                Files.move(work, target);
            }
        } finally {
            deleteTree(work);
        }
        log(String.format("Backup written to %s (%.1f MB) in %.1f s. Restore it with: scripts/restore %s", target,
                size(target) / 1e6, (System.nanoTime() - t0) / 1e9, target));
    }

    static void restore(Path root, Path backup, DataFolder data, boolean replace) throws Exception {
        if (!Files.exists(backup)) {
            exit(backup + " does not exist.", 1);
        }
        if (!data.tryLock()) {
            exit("The local run is running on " + data.dir() + data.holder().map(p -> " (pid " + p + ")").orElse("")
                    + ": stop it first (Ctrl-C in its terminal).", 1);
        }
        long t0 = System.nanoTime();
        try {
            LocalRun.stopLeftovers(data);
            if (!data.isEmpty()) {
                if (!replace) {
                    exit(data.dir() + " holds data already. A backup is restored into an empty folder: move that "
                            + "folder aside, restore elsewhere with --data DIR, or add --replace to delete its data.", 1);
                }
                log("Deleting the current data in " + data.dir() + " (--replace) …");
                data.wipe();
            }
            log("Restoring " + backup + " into " + data.dir() + " …");
            if (isArchive(backup)) {
                untar(backup, data.dir());
            } else {
                copyTree(backup, data.dir());
            }
            if (!Files.exists(data.dir().resolve(MANIFEST)) || !Files.exists(
                    LocalStack.postgresDir(data.dir()).resolve("backup_label"))) {
                data.wipe();
                exit(backup + " is not a backup made by scripts/backup.", 1);
            }
            Files.delete(data.dir().resolve(MANIFEST));
            // PostgreSQL refuses a data folder that others can read.
            Files.setPosixFilePermissions(LocalStack.postgresDir(data.dir()),
                    PosixFilePermissions.fromString("rwx------"));
            rebuildTopics(root, data);
        } finally {
            data.close();
        }
        log(String.format("Restored in %.1f s. Start the system on it with: scripts/run-local%s", (System.nanoTime() - t0)
                / 1e9, data.dir().equals(root.resolve(".run/data")) ? "" : " --data " + data.dir()));
    }

    /** PostgreSQL recovers the copy; Kafka starts empty and gets every event of the event stores again. */
    private static void rebuildTopics(Path root, DataFolder data) throws Exception {
        try (LocalStack infra = new LocalStack(LocalStack.Settings.infrastructureOnly(root, data.dir()))) {
            infra.startInfrastructure();
            Map<String, String> databases = new LinkedHashMap<>();
            for (Topic topic : Topic.values()) {
                databases.put(topic.producer(), infra.postgres().jdbcUrl(LocalStack.database(topic.producer())));
            }
            log("Publishing the event stores to Kafka again …");
            Map<String, Long> counts = Republisher.republish(infra.kafka().bootstrapServers(), databases,
                    EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
            counts.forEach((service, n) -> log("  " + service + ": " + n + " events"));
        }
    }

    private static boolean isArchive(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".tar.gz") || name.endsWith(".tgz");
    }

    private static void tar(Path dir, Path archive) throws IOException {
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial));
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file));
                Stream<Path> tree = Files.walk(dir)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path p : tree.filter(p -> !p.equals(dir)).sorted().toList()) {
                TarArchiveEntry entry = new TarArchiveEntry(p, dir.relativize(p).toString());
                tar.putArchiveEntry(entry);
                if (Files.isRegularFile(p)) {
                    Files.copy(p, tar);
                }
                tar.closeArchiveEntry();
            }
        }
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void untar(Path archive, Path into) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path p = into.resolve(entry.getName()).normalize();
                if (!p.startsWith(into)) {
                    throw new IOException("Unsafe path in backup: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(p);
                } else {
                    Files.createDirectories(p.getParent());
                    Files.copy(tar, p);
                }
            }
        }
    }

    private static void copyTree(Path from, Path into) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path p : tree.filter(p -> !p.equals(from)).sorted().toList()) {
                Path to = into.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> tree = Files.walk(dir)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static long size(Path p) throws IOException {
        if (Files.isRegularFile(p)) {
            return Files.size(p);
        }
        try (Stream<Path> tree = Files.walk(p)) {
            return tree.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void exit(String message, int code) {
        (code == 0 ? System.out : System.err).println(message.strip());
        System.exit(code);
    }

    private static void log(String message) {
        System.out.println("[backup] " + message);
    }
}
