package nl.pupildata.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a service's start goes, by Quarkus' start steps: reads async-profiler's wall-clock samples in collapsed form
 * ({@code event=wall,threads,collapsed}) and counts the main thread's milliseconds per step. Quarkus runs its start as
 * recorded steps, classes named {@code io.quarkus.runner.recorded.<Processor>$<step><hash>} (or
 * {@code io.quarkus.deployment.steps...}) with a {@code deploy} method; a sample belongs to the outermost such frame on
 * its stack. Samples without one are the static initialisation ({@code ApplicationImpl.<clinit>}), the main thread
 * waiting after the start, or "other". Usage (docs/performance.md, "Where the start's time goes, step by step"):
 * {@code java -cp benchmark/target/benchmark-1.0.0-SNAPSHOT.jar nl.pupildata.benchmark.StartSteps start.collapsed 2}
 * (the samples' interval in ms).
 */
public final class StartSteps {

    static final String STATIC_INIT = "static initialisation (ApplicationImpl.<clinit>)";
    static final String AFTER_START = "after the start: waiting for the shutdown";
    static final String OTHER = "other (the JVM, the launcher, between steps)";

    private static final Pattern STEP = Pattern.compile(
            "^io/quarkus/(?:runner/recorded|deployment/steps)/([A-Za-z0-9_]+)\\$([A-Za-z]+?)(-?\\d+)?\\.deploy");

    private StartSteps() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: StartSteps <async-profiler collapsed wall-clock file> <its interval in ms>");
            System.exit(2);
        }
        Map<String, Long> steps = steps(Files.readAllLines(Path.of(args[0])), Long.parseLong(args[1]));
        long total = steps.values().stream().mapToLong(Long::longValue).sum() - steps.getOrDefault(AFTER_START, 0L);
        System.out.println("| step (the main thread) | ms |");
        System.out.println("|---|---:|");
        steps.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "| %s | %d |%n", e.getKey(), e.getValue()));
        System.out.printf(Locale.ROOT, "| **the start, without the waiting after it** | **%d** |%n", total);
    }

    /** Milliseconds of the main thread per start step, in the order the steps were first seen. */
    static Map<String, Long> steps(List<String> collapsed, long intervalMs) {
        Map<String, Long> steps = new LinkedHashMap<>();
        for (String line : collapsed) {
            int space = line.lastIndexOf(' ');
            if (space < 0 || !line.startsWith("[main tid=")) {
                continue;
            }
            long samples = Long.parseLong(line.substring(space + 1).trim());
            steps.merge(step(line.substring(0, space).split(";")), samples * intervalMs, Long::sum);
        }
        return steps;
    }

    static String step(String[] frames) {
        boolean staticInit = false;
        boolean lifecycle = false;
        for (String frame : frames) {
            Matcher m = STEP.matcher(frame);
            if (m.find()) {
                return m.group(1) + "." + m.group(2);
            }
            staticInit |= frame.startsWith("io/quarkus/runner/ApplicationImpl.<clinit>");
            lifecycle |= frame.startsWith("io/quarkus/runtime/ApplicationLifecycleManager.run");
        }
        if (staticInit) {
            return STATIC_INIT;
        }
        String leaf = frames[frames.length - 1];
        if (lifecycle && (leaf.contains("futex") || leaf.contains("park"))) {
            return AFTER_START;
        }
        return OTHER;
    }
}
