package nl.pupildata.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.pupildata.runner.DemoData;
import nl.pupildata.runner.LocalStack;

/**
 * The training run of the JDK's AOT cache ({@code scripts/train-aot}; docs/performance.md, "Start fast and run
 * fast"): starts every service of this build with {@code -XX:AOTCacheOutput} on a throw-away stack, drives what
 * they do in use — the demo requests' whole lifecycles across the four services, intake from several clients, the
 * register's reads — and stops them, upon which each JVM writes {@code target/quarkus-app/app.aot}: the classes it
 * loaded, linked and initialised, and the profiles of the methods it ran. A service started with that cache loads
 * nothing of it again and compiles the hot methods sooner. A cache belongs to one build and one JDK: the JVM
 * ignores it (and says so) when either changed.
 */
public final class AotTraining {

    private static final long STARTED = System.nanoTime();

    private AotTraining() {
    }

    private static void log(String message) {
        System.out.printf("[train-aot %4.0f s] %s%n", (System.nanoTime() - STARTED) / 1e9, message);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("pupil-data.root", ".")).toAbsolutePath().normalize();
        System.setProperty(LocalStack.AOT, "record");
        for (String service : LocalStack.ALL_SERVICES) {
            Files.deleteIfExists(LocalStack.aotCache(root, service));
        }
        try (LocalStack stack = new LocalStack(LocalStack.Settings.forTests(root, root.resolve(".run/aot-training"),
                java.util.Map.of()).withStaffWeb())) {
            stack.start();
            Api api = new Api(stack);
            new DemoData(stack).load();
            Intake.load("training", 4, Duration.ofSeconds(20), Intake.http(api));
            for (int i = 0; i < 50; i++) {
                api.get("register-service", "/register", api.officer());
                api.get("request-service", "/requests", api.director());
                api.get("deadline-service", "/deadlines", api.director());
            }
            log("Stopping the services: each writes its AOT cache (about a minute) …");
        }
        for (String service : LocalStack.ALL_SERVICES) {
            Path cache = LocalStack.aotCache(root, service);
            if (!Files.exists(cache)) {
                throw new IllegalStateException(service + " wrote no AOT cache; see .run/aot-training/logs/" + service
                        + ".log");
            }
            log(String.format("%s: %s (%.0f MB)", service, root.relativize(cache),
                    Files.size(cache) / 1e6));
        }
        log(String.format("Trained the AOT caches in %.0f s.", (System.nanoTime() - STARTED) / 1e9));
        System.exit(0);
    }
}
