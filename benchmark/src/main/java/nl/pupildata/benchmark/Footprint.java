package nl.pupildata.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.pupildata.runner.LocalStack;

/** Start-up time and resident memory of each service process, as the operating system sees them. */
final class Footprint {

    /** The median of a service's starts, with the fastest and slowest of them (to ready), and how many there were. */
    record Start(double toReadySeconds, double quarkusSeconds, double fastest, double slowest, int rounds) {

        static Start of(List<Double> toReady, List<Double> quarkus) {
            List<Double> ready = toReady.stream().sorted().toList();
            return new Start(median(ready), median(quarkus.stream().sorted().toList()), ready.getFirst(),
                    ready.getLast(), ready.size());
        }

        /** The middle value of a sorted list (the mean of the two middle ones when its size is even). */
        static double median(List<Double> sorted) {
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    /** Each service is restarted this many times: one start on two shared cores moves by half a second. */
    static final int START_ROUNDS = 3;

    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    private final LocalStack stack;
    final Map<String, Start> starts = new LinkedHashMap<>();
    final Map<String, Long> idleRssKb = new LinkedHashMap<>();
    final Map<String, Long> peakRssKb = new ConcurrentHashMap<>();
    private volatile Thread sampler;

    Footprint(LocalStack stack) {
        this.stack = stack;
    }

    /**
     * Kills each service and starts it again alone, {@link #START_ROUNDS} rounds: wall time until ready, and Quarkus' own
     * start-up figure, each service's median of its rounds.
     */
    void measureStarts() throws Exception {
        Map<String, List<Double>> toReady = new LinkedHashMap<>();
        Map<String, List<Double>> quarkus = new LinkedHashMap<>();
        for (int round = 0; round < START_ROUNDS; round++) {
            for (String service : LocalStack.SERVICES) {
                stack.kill(service);
                long t0 = System.nanoTime();
                // Readiness asked every 10 ms, not the stack's usual 200: a start of about 1.5 s is what is measured.
                stack.restart(service, Map.of(), Duration.ofMillis(10));
                toReady.computeIfAbsent(service, s -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e9);
                quarkus.computeIfAbsent(service, s -> new ArrayList<>()).add(lastQuarkusStart(stack.logFile(service)));
            }
        }
        toReady.forEach((service, times) -> starts.put(service, Start.of(times, quarkus.get(service))));
    }

    void measureIdle() throws IOException {
        for (String service : LocalStack.SERVICES) {
            idleRssKb.put(service, rssKb(stack.pid(service)));
        }
    }

    /** Samples every service's RSS once a second until {@link #stopSampling()}; keeps the highest. */
    void startSampling() {
        peakRssKb.clear();
        sampler = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (String service : LocalStack.SERVICES) {
                    try {
                        peakRssKb.merge(service, rssKb(stack.pid(service)), Math::max);
                    } catch (IOException | RuntimeException gone) {
                        // restarted in between: the next sample reads the new process
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    void stopSampling() throws InterruptedException {
        sampler.interrupt();
        sampler.join();
    }

    /**
     * CPU seconds (user + system) each service has used so far, its running instances together, and the whole
     * machine's busy seconds.
     */
    Map<String, Double> cpuSeconds() throws IOException {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (String service : LocalStack.SERVICES) {
            double seconds = 0;
            for (String instance : stack.running(service)) {
                String stat = Files.readString(Path.of("/proc", Long.toString(stack.pid(instance)), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
            }
            cpu.put(service, seconds);
        }
        String[] all = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < all.length; i++) {
            if (i != 4 && i != 5) { // idle, iowait
                busy += Long.parseLong(all[i]);
            }
        }
        cpu.put("machine", busy / 100.0);
        return cpu;
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    static double lastQuarkusStart(Path log) throws IOException {
        double last = Double.NaN;
        List<String> lines = Files.readAllLines(log);
        for (String line : lines) {
            Matcher m = STARTED.matcher(line);
            if (m.find()) {
                last = Double.parseDouble(m.group(1));
            }
        }
        return last;
    }
}
