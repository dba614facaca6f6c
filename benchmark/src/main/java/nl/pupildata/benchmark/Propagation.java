package nl.pupildata.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * From a command to the register: requests arrive at a steady rate; for each, the time from sending
 * {@code POST /requests} until its register entry exists — the path through the outbox, Kafka and the
 * register's consumer. One reader looks every {@link #POLL} in the register's database for the row that
 * {@code GET /register/{id}} answers from (asking the API for every pending request would itself load the
 * register-service that is being measured); figures are at most that much late. At the end a sample is checked
 * through the API.
 */
final class Propagation {

    static final Duration POLL = Duration.ofMillis(20);

    record Result(int ratePerSecond, double seconds, long sent, long visible, long notAccepted, long neverVisible,
            Latencies latencies) {
    }

    private Propagation() {
    }

    static Result run(Api api, String registerDatabase, int ratePerSecond, Duration duration) throws Exception {
        List<String> visible = java.util.Collections.synchronizedList(new ArrayList<>());
        Latencies latencies = new Latencies();
        AtomicLong notAccepted = new AtomicLong();
        Map<String, Long> pending = new ConcurrentHashMap<>();
        List<Thread> senders = new ArrayList<>();
        long interval = 1_000_000_000L / ratePerSecond;
        long count = duration.toSeconds() * ratePerSecond;
        Thread reader = Thread.ofPlatform().daemon().name("register-reader").start(() -> {
            try (Connection c = Intake.connect(registerDatabase);
                    PreparedStatement s = c.prepareStatement(
                            "select request_id::text from register_entry where request_id = any(?::uuid[])")) {
                while (!Thread.currentThread().isInterrupted()) {
                    if (!pending.isEmpty()) {
                        s.setArray(1, c.createArrayOf("text", pending.keySet().toArray()));
                        try (ResultSet r = s.executeQuery()) {
                            long now = System.nanoTime();
                            while (r.next()) {
                                Long sent = pending.remove(r.getString(1));
                                if (sent != null) {
                                    latencies.add(now - sent);
                                    visible.add(r.getString(1));
                                }
                            }
                        }
                    }
                    Thread.sleep(POLL);
                }
            } catch (InterruptedException e) {
                // done
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long started = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long wait = started + i * interval - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            senders.add(Thread.ofVirtual().start(() -> {
                long t0 = System.nanoTime();
                try {
                    String id = api.intake();
                    if (id == null) {
                        notAccepted.incrementAndGet();
                    } else {
                        pending.put(id, t0);
                    }
                } catch (Exception e) {
                    notAccepted.incrementAndGet();
                }
            }));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        for (Thread t : senders) {
            t.join();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        reader.interrupt();
        reader.join();
        for (String id : visible.subList(0, Math.min(20, visible.size()))) {
            if (api.get("register-service", "/register/" + id, api.director()).statusCode() != 200) {
                throw new IllegalStateException("entry " + id + " is in the database but not in the API");
            }
        }
        return new Result(ratePerSecond, seconds, count, latencies.count(), notAccepted.get(), pending.size(),
                latencies);
    }
}
