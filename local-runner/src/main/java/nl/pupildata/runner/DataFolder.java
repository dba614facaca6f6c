package nl.pupildata.runner;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The local run's data folder ({@code .run/data} by default): PostgreSQL's and Kafka's data, which run holds it
 * (a lock the operating system releases when that run ends, however it ends), the processes that run started (so
 * a later run can stop what a killed one left behind), and whether the demo requests were loaded.
 */
final class DataFolder implements AutoCloseable {

    private static final String LOCK = ".lock";
    private static final String STATE = "run.state";
    private static final String DEMO = "demo-loaded";

    /** A process a run started: its pid and start time (so a reused pid is never mistaken for it). */
    record Started(String name, long pid, Instant startedAt) {

        static Started of(String name, ProcessHandle p) {
            return new Started(name, p.pid(), p.info().startInstant().orElse(Instant.EPOCH));
        }

        /** The same process, still running. */
        Optional<ProcessHandle> stillRunning() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().startInstant().map(startedAt::equals).orElse(false));
        }
    }

    private final Path dir;
    private FileChannel lockChannel;
    private FileLock lock;

    DataFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    /** Takes the folder for this process; false when another live run (or backup) holds it. */
    boolean tryLock() throws IOException {
        Files.createDirectories(dir);
        lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockChannel.tryLock();
        if (lock == null) {
            lockChannel.close();
            lockChannel = null;
            return false;
        }
        return true;
    }

    /** The pid of the run that holds the folder, as it recorded itself. */
    Optional<Long> holder() {
        return Optional.ofNullable(readState().getProperty("runner.pid")).map(Long::parseLong);
    }

    boolean isEmpty() throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.allMatch(p -> p.getFileName().toString().equals(LOCK));
        }
    }

    /** Deletes everything in the folder but the lock (which this process holds). */
    void wipe() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.filter(p -> !p.getFileName().toString().equals(LOCK)).toList()) {
                try (Stream<Path> tree = Files.walk(entry)) {
                    for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /** Records this run and what it started so far; written again after every start. */
    void recordRun(long runnerPid, int postgresPort, List<Started> processes) throws IOException {
        Properties p = new Properties();
        p.setProperty("runner.pid", Long.toString(runnerPid));
        p.setProperty("postgres.port", Integer.toString(postgresPort));
        for (Started s : processes) {
            p.setProperty("process." + s.name() + ".pid", Long.toString(s.pid()));
            p.setProperty("process." + s.name() + ".started", s.startedAt().toString());
        }
        Path tmp = dir.resolve(STATE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "The local run that holds this folder (scripts/run-local); removed when it stops");
        }
        Files.move(tmp, dir.resolve(STATE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The processes an earlier run recorded. */
    List<Started> recordedProcesses() {
        Properties p = readState();
        List<Started> started = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("process.") && key.endsWith(".pid")) {
                String name = key.substring("process.".length(), key.length() - ".pid".length());
                started.add(new Started(name, Long.parseLong(p.getProperty(key)),
                        Instant.parse(p.getProperty("process." + name + ".started"))));
            }
        }
        return started;
    }

    /** The PostgreSQL port of the run that holds the folder. */
    Optional<Integer> recordedPostgresPort() {
        return Optional.ofNullable(readState().getProperty("postgres.port")).map(Integer::parseInt);
    }

    void forgetRun() throws IOException {
        Files.deleteIfExists(dir.resolve(STATE));
    }

    Optional<Instant> demoLoadedAt() {
        try {
            return Optional.of(Instant.parse(Files.readString(dir.resolve(DEMO)).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void markDemoLoaded(Instant at) throws IOException {
        Files.writeString(dir.resolve(DEMO), at.toString() + "\n");
    }

    /** The small files beside the databases that a backup carries along. */
    static List<String> metadataFiles() {
        return List.of(DEMO);
    }

    private Properties readState() {
        Properties p = new Properties();
        Path state = dir.resolve(STATE);
        if (Files.exists(state)) {
            try (Reader r = Files.newBufferedReader(state, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                // unreadable: as if no run recorded anything
            }
        }
        return p;
    }

    @Override
    public void close() throws IOException {
        if (lock != null) {
            lock.release();
            lockChannel.close();
            lock = null;
        }
    }
}
