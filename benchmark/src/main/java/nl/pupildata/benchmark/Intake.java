package nl.pupildata.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import nl.pupildata.infra.EmbeddedPostgresServer;

/**
 * Intake throughput and latency: clients that each send one request after the other for a fixed time, against
 * request-service over HTTP, and against PostgreSQL directly doing the least an event-sourced intake must do —
 * one transaction with an event row and an outbox row — over JDBC at the same concurrency.
 */
final class Intake {

    record Result(String what, int clients, long ok, long failed, double seconds, Latencies latencies) {
        double perSecond() {
            return ok / seconds;
        }
    }

    /** A RequestReceived payload of the size the service writes (references only). */
    private static final String PAYLOAD = """
            {"schemaVersion":1,"requestId":"%s","schoolBrin":"12AB","kind":"PARENT_ACCESS",\
            "requesterCategory":"GUARDIAN","pupilRef":"BENCH-1","receivedOn":"2026-11-28","receivedVia":"EMAIL",\
            "complexity":null,"guardiansLivingApart":true,"guardianIds":["g1","g2"],"requesterGuardianId":"g1",\
            "accessMode":"PDF_BY_SECURE_MAIL","actor":"bench-director"}""";

    private Intake() {
    }

    interface Call {
        boolean run() throws Exception;
    }

    /** {@code clients} threads calling {@code call} back to back for {@code duration}. */
    static Result load(String what, int clients, Duration duration, ThreadLocalCall call) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().name(what + "-" + i).start(() -> {
                try (AutoCloseableCall c = call.open()) {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        boolean success;
                        try {
                            success = c.run();
                        } catch (Exception e) {
                            success = false;
                        }
                        if (success) {
                            latencies.add(System.nanoTime() - t0);
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(what, clients, ok.get(), failed.get(), seconds, latencies);
    }

    /** A call with per-thread resources (a JDBC connection). */
    interface ThreadLocalCall {
        AutoCloseableCall open() throws Exception;
    }

    interface AutoCloseableCall extends AutoCloseable, Call {
        @Override
        void close() throws Exception;
    }

    static ThreadLocalCall http(Api api) {
        return () -> new AutoCloseableCall() {
            @Override
            public boolean run() throws Exception {
                return api.intake() != null;
            }

            @Override
            public void close() {
            }
        };
    }

    /** A database with the event store's and outbox's tables and indexes, and nothing else. */
    static String rawDatabase(EmbeddedPostgresServer postgres) throws SQLException {
        postgres.createDatabases(List.of("bench_raw"));
        String url = postgres.jdbcUrl("bench_raw");
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("""
                    create table if not exists event_store (
                        global_position bigint generated always as identity primary key,
                        event_id uuid not null unique, stream_id uuid not null, version integer not null,
                        type text not null, payload text not null, actor text not null,
                        occurred_at timestamptz not null,
                        constraint event_store_stream_version unique (stream_id, version))""");
            s.execute("""
                    create table if not exists outbox (
                        id bigint generated always as identity primary key,
                        event_id uuid not null references event_store (event_id), topic text not null,
                        created_at timestamptz not null default now(), traceparent text)""");
        }
        return url;
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }

    static ThreadLocalCall raw(String url) {
        return () -> {
            Connection c = connect(url);
            c.setAutoCommit(false);
            PreparedStatement event = c.prepareStatement("insert into event_store (event_id, stream_id, version, type,"
                    + " payload, actor, occurred_at) values (?, ?, 1, 'RequestReceived', ?, 'bench-director', ?)");
            PreparedStatement outbox = c.prepareStatement(
                    "insert into outbox (event_id, topic) values (?, 'pupil-data.requests')");
            return new AutoCloseableCall() {
                @Override
                public boolean run() throws SQLException {
                    UUID eventId = UUID.randomUUID();
                    UUID stream = UUID.randomUUID();
                    event.setObject(1, eventId);
                    event.setObject(2, stream);
                    event.setString(3, PAYLOAD.formatted(stream));
                    event.setTimestamp(4, Timestamp.from(Instant.now()));
                    event.executeUpdate();
                    outbox.setObject(1, eventId);
                    outbox.executeUpdate();
                    c.commit();
                    return true;
                }

                @Override
                public void close() throws SQLException {
                    c.close();
                }
            };
        };
    }
}
