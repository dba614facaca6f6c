package nl.pupildata.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.pupildata.runner.LocalStack;

/** One running system (Kafka, PostgreSQL, Keycloak, the four packaged services, the staff page) shared by every system test class. */
final class SystemUnderTest {

    static final Path ROOT = Path.of(System.getProperty("pupil-data.root", "..")).toAbsolutePath().normalize();
    private static LocalStack stack;

    private SystemUnderTest() {
    }

    static synchronized LocalStack stack() {
        if (stack == null) {
            try {
                Path runDir = Files.createDirectories(ROOT.resolve("system-tests/target/stack"));
                LocalStack started = new LocalStack(LocalStack.Settings.forTests(ROOT, runDir, Map.of(
                        "pupil-data.deadline.scan-interval", "1s",
                        "pupil-data.consumer-lag.interval", "2s",
                        // A killed instance's partitions go to the others after 10 s instead of Kafka's 45 s
                        // (FaultToleranceTest, ScaleOutTest); heartbeats stay at 3 s.
                        "kafka.session.timeout.ms", "10000")).withStaffWeb());
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-system-under-test"));
                started.start();
                stack = started;
            } catch (Exception e) {
                throw new IllegalStateException("The system did not start: " + e.getMessage(), e);
            }
        }
        return stack;
    }
}
