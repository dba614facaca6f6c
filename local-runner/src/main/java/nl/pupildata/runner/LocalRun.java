package nl.pupildata.runner;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.pupildata.infra.EmbeddedKeycloak;
import nl.pupildata.infra.EmbeddedPostgresServer;
import sun.misc.Signal;

/**
 * {@code scripts/run-local}: the whole system on this machine, on data that is kept between runs. Before it starts
 * anything it takes the data folder (one run per folder), stops what a killed earlier run left behind on that
 * folder, and refuses ports that another program holds — so it never starts on someone else's database. Ctrl-C
 * stops everything in order and says so; a second Ctrl-C stops at once.
 */
public final class LocalRun {

    static final String USAGE = """
            Usage: scripts/run-local [--demo] [--fresh] [--data DIR] [--port-offset N] [--keycloak-url URL]
                                     [--without-staff-web]

              --demo           enter a handful of example requests (once per data folder)
              --fresh          start from empty: delete the data of earlier runs first
              --data DIR       keep the data in DIR (default: .run/data)
              --port-offset N  add N to every port (Kafka 9092, PostgreSQL 55432, Keycloak 8180, staff page 8080,
                               services 8081-8084)
              --keycloak-url URL  use the Keycloak that runs there (with the pupil-data realm) instead of starting one
              --without-staff-web  the APIs only, no staff page on 8080
            """;

    record Options(boolean demo, boolean fresh, Path dataDir, int portOffset, String keycloakUrl, boolean staffWeb) {

        static Options parse(Path root, String[] args) {
            boolean demo = false;
            boolean fresh = false;
            Path data = root.resolve(".run/data");
            int offset = 0;
            String keycloak = null;
            boolean staffWeb = true;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--demo" -> demo = true;
                    case "--fresh" -> fresh = true;
                    case "--data" -> data = Path.of(value(args, ++i, "--data")).toAbsolutePath().normalize();
                    case "--port-offset" -> {
                        try {
                            offset = Integer.parseInt(value(args, ++i, "--port-offset"));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--port-offset needs a number");
                        }
                    }
                    case "--keycloak-url" -> keycloak = value(args, ++i, "--keycloak-url");
                    case "--without-staff-web" -> staffWeb = false;
                    case "--help", "-h" -> throw new IllegalArgumentException("");
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            return new Options(demo, fresh, data, offset, keycloak, staffWeb);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("pupil-data.root", ".")).toAbsolutePath().normalize();
        Options options;
        try {
            options = Options.parse(root, args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        DataFolder data = new DataFolder(options.dataDir());
        if (!data.tryLock()) {
            fail("Another scripts/run-local is already running on " + data.dir()
                    + data.holder().map(pid -> " (pid " + pid + ")").orElse("")
                    + ". Stop it first (Ctrl-C in its terminal), or give this run its own folder with --data DIR.");
        }
        stopLeftovers(data);
        if (options.fresh()) {
            boolean had = !data.isEmpty();
            data.wipe();
            log(had ? "Starting from empty (--fresh): deleted the data of earlier runs in " + data.dir() + "."
                    : "Starting from empty (--fresh): " + data.dir() + " had no data yet.");
        } else if (data.isEmpty()) {
            log("No data yet: starting from empty. The data is kept in " + data.dir() + ".");
        } else {
            log("Starting on the data kept in " + data.dir() + " (--fresh starts from empty).");
        }
        LocalMailbox mailbox;
        try {
            mailbox = LocalMailbox.start(2525 + options.portOffset(), root.resolve(".run").resolve("mail"));
        } catch (RuntimeException e) {
            fail("Port " + (2525 + options.portOffset()) + " (the local mailbox, SMTP) is taken by another program: "
                    + e.getMessage());
            return;
        }
        Map<String, String> serviceProperties = new TreeMap<>(mailbox.serviceProperties());
        serviceProperties.putAll(servicePropertiesFrom(System.getProperties()));
        LocalStack.Settings local = LocalStack.Settings.local(root, data.dir(), options.portOffset(), options.staffWeb())
                .withServiceProperties(serviceProperties);
        LocalStack.Settings settings = options.keycloakUrl() == null ? local
                : local.withKeycloakAt(options.keycloakUrl());
        refuseTakenPorts(settings);

        LocalStack stack = new LocalStack(settings);
        Stopper stopper = new Stopper(stack, data);
        stopper.install();
        List<DataFolder.Started> started = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        data.recordRun(self, settings.postgresPort(), started);
        stack.onServiceStarted((service, process) -> {
            started.add(DataFolder.Started.of(service, process.toHandle()));
            try {
                data.recordRun(self, settings.postgresPort(), started);
            } catch (java.io.IOException e) {
                log("Could not record " + service + "'s pid in " + data.dir() + ": " + e.getMessage());
            }
        });
        long t0 = System.nanoTime();
        try {
            stack.start();
        } catch (Exception e) {
            if (stopper.stopping()) {
                Thread.currentThread().join(); // the stopper ends the process
            }
            System.err.println("[local-stack] Could not start: " + e.getMessage());
            stack.close();
            data.forgetRun();
            System.exit(1);
        }
        System.out.printf("%nAll services ready in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        if (options.demo()) {
            loadDemoOnce(stack, data);
        }
        printWelcome(stack, data, mailbox);
        Thread.currentThread().join();
    }

    /**
     * System properties {@code pupil-data.service.<name>=<value>} of the runner become {@code <name>=<value>} for
     * every service (the tests shorten the deadline scan this way).
     */
    static Map<String, String> servicePropertiesFrom(Properties system) {
        Map<String, String> properties = new TreeMap<>();
        String prefix = "pupil-data.service.";
        system.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> properties.put(k.substring(prefix.length()), system.getProperty(k)));
        return properties;
    }

    /**
     * Services and a PostgreSQL that an earlier run on this folder started and could not stop (it was killed). The
     * services are all asked to stop at once and then awaited together: with the killed run's Kafka gone, each takes
     * seconds to give up on it, and one after the other that added up to half a minute.
     */
    static void stopLeftovers(DataFolder data) {
        List<ProcessHandle> stopping = new ArrayList<>();
        for (DataFolder.Started s : data.recordedProcesses()) {
            s.stillRunning().ifPresent(p -> {
                log(s.name() + " of an earlier run (pid " + p.pid() + ") is still running; stopping it …");
                p.descendants().forEach(ProcessHandle::destroy); // Keycloak's JVM under kc.sh
                p.destroy();
                stopping.add(p);
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle p : stopping) {
            try {
                p.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
                p.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> null).join();
            }
        }
        EmbeddedPostgresServer.stopLeftover(LocalStack.postgresDir(data.dir()), LocalRun::log)
                .ifPresent(pid -> log("Stopped it; starting it again on the same data."));
    }

    /** Every port this run needs must be free: a port held by a program it did not start is refused by name. */
    static void refuseTakenPorts(LocalStack.Settings settings) {
        List<String> taken = new ArrayList<>();
        settings.fixedPorts().forEach((port, user) -> {
            if (!PortOwners.isFree(port)) {
                taken.add("  port " + port + " (for " + user + ") is in use by "
                        + PortOwners.describeOwner(port).orElse("another program"));
            }
        });
        if (!taken.isEmpty()) {
            fail("Not starting: a port it needs is taken by a program this run did not start, perhaps a run from "
                    + "another folder or clone.\n" + String.join("\n", taken)
                    + "\nStop that program, or start this run on other ports with --port-offset N.");
        }
    }

    static void loadDemoOnce(LocalStack stack, DataFolder data) throws Exception {
        Optional<Instant> loaded = data.demoLoadedAt();
        if (loaded.isPresent()) {
            log("The demo requests were loaded on " + loaded.get().atZone(ZoneId.systemDefault()).toLocalDate()
                    + "; not loading them again (scripts/run-local --fresh --demo starts over with a new set).");
            return;
        }
        log("Loading demo data …");
        int count = new DemoData(stack).load();
        data.markDemoLoaded(Instant.now());
        log("Loaded " + count + " example requests (school 12AB and 34CD).");
    }

    static void printWelcome(LocalStack stack, DataFolder data, LocalMailbox mailbox) {
        StringBuilder b = new StringBuilder("\n");
        if (stack.has(LocalStack.STAFF_WEB)) {
            b.append(String.format("  Open the staff page:  %s   (sign in as a demo user below)%n%n",
                    stack.url(LocalStack.STAFF_WEB)));
        }
        for (String s : LocalStack.SERVICES) {
            b.append(String.format("  %-17s %s   (API docs: %s/q/swagger-ui)%n", s, stack.url(s),
                    stack.managementUrl(s)));
        }
        b.append(String.format("  %-17s %s%n", "Kafka", stack.kafka().bootstrapServers()));
        b.append(String.format("  %-17s %s (user postgres, password postgres: local only)%n", "PostgreSQL",
                stack.postgres().jdbcUrl("<service>_service")));
        b.append(String.format("  %-17s %s (kept between runs; --fresh starts from empty; scripts/backup)%n",
                "Data", data.dir()));
        b.append(String.format("  %-17s %s (admin console: %s / %s, local only)%n", "Keycloak",
                stack.keycloak().url(), EmbeddedKeycloak.ADMIN, EmbeddedKeycloak.ADMIN_PASSWORD));
        b.append(String.format("  %-17s SMTP on localhost:%d; every mail (the alerts about terms) is written to %s%n",
                "Mailbox", mailbox.port(), mailbox.folder()));
        b.append("\nDemo users (password ").append(EmbeddedKeycloak.DEMO_PASSWORD).append(", local only):\n")
                .append("  directeur.12ab, kc.12ab, administratie.12ab, aandacht.12ab   (school 12AB)\n")
                .append("  directeur.34cd, kc.34cd, administratie.34cd, aandacht.34cd   (school 34CD)\n")
                .append("  kwaliteit.bestuur, privacy.bestuur                            (the board)\n");
        b.append("\nA token for the API:  TOKEN=$(scripts/token directeur.12ab)\n");
        b.append("  curl -H \"Authorization: Bearer $TOKEN\" ").append(stack.url("request-service"))
                .append("/requests\n");
        b.append("\nPress Ctrl-C to stop everything.\n");
        System.out.println(b);
    }

    /** Ctrl-C (or a closed terminal, or SIGTERM) stops in order; a second Ctrl-C stops at once. */
    static final class Stopper {
        private final LocalStack stack;
        private final DataFolder data;
        private final AtomicInteger signals = new AtomicInteger();

        Stopper(LocalStack stack, DataFolder data) {
            this.stack = stack;
            this.data = data;
        }

        void install() {
            for (String name : List.of("INT", "TERM", "HUP")) {
                Signal.handle(new Signal(name), this::onSignal);
            }
        }

        boolean stopping() {
            return signals.get() > 0;
        }

        private void onSignal(Signal signal) {
            if (signals.incrementAndGet() == 1) {
                Thread.ofPlatform().name("stop-local-stack").start(this::stopInOrder);
            } else {
                System.out.println();
                log("Stopping at once (PostgreSQL and Kafka recover from their logs at the next start).");
                stack.stopNow();
                Runtime.getRuntime().halt(130);
            }
        }

        private void stopInOrder() {
            System.out.println();
            log("Stopping (press Ctrl-C again to stop at once) …");
            long t0 = System.nanoTime();
            int exit = 0;
            try {
                stack.close();
                data.forgetRun();
                data.close();
            } catch (Exception e) {
                System.err.println("[local-stack] Stopping failed: " + e.getMessage());
                exit = 1;
            }
            log(String.format("All stopped in %.1f s. The data stays in %s for the next run.",
                    (System.nanoTime() - t0) / 1e9, data.dir()));
            System.out.flush();
            Runtime.getRuntime().halt(exit);
        }
    }

    static void fail(String message) {
        System.err.println("[local-stack] " + message);
        System.exit(1);
    }

    static void log(String message) {
        LocalStack.log(message);
    }
}
