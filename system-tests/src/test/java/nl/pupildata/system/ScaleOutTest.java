package nl.pupildata.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.pupildata.infra.Await;
import nl.pupildata.infra.EmbeddedPostgresServer;
import nl.pupildata.runner.LocalStack;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: two instances of every service against the one Kafka and the one database per service, as two
 * replicas of each Deployment run. Requests and a handling step are sent to both request-service instances in
 * turn (some received long enough ago that their term is due soon or missed, so both deadline-service instances'
 * scans race for the signal); half-way one instance of every service is killed with SIGKILL, and the rest goes to
 * the survivors. Afterwards:
 * <ul>
 * <li>nothing lost: every accepted request is in the register with every event of its route;</li>
 * <li>nothing duplicated: no event twice in any timeline;</li>
 * <li>every deadline signal once per term, in deadline-service's own event store;</li>
 * <li>one relay active per service: the replicas took turns (each relay run that found the other relaying left
 * the batch to it, and the metric counting those runs moved);</li>
 * <li>the register equals a replay of the topics.</li>
 * </ul>
 * It ends with the stack as it found it (the killed instances restarted, the second ones stopped), for the tests
 * after it.
 */
class ScaleOutTest {

    static final int REQUESTS = Integer.getInteger("pupil-data.scale-out.requests", 40);
    static final Duration SETTLE = Duration.ofSeconds(120);
    static final LocalDate TODAY = LocalDate.now();
    static final LocalStack stack = SystemUnderTest.stack();
    /** The services with an event store and so an outbox relay (the register only reads). */
    static final List<String> RELAYING = List.of("request-service", "consent-service", "deadline-service");
    static final Pattern BUSY = Pattern.compile("(?m)^pupil_data_outbox_relay_lock_busy_total(?:\\{[^}]*})? ([0-9.eE+]+)$");
    static final Pattern PUBLISHED = Pattern.compile("(?m)^pupil_data_outbox_published_total(?:\\{[^}]*})? ([0-9.eE+]+)$");

    enum Term {
        /** Received yesterday: the term runs, no signal. */
        RUNNING(1, List.of()),
        /** Received 24 days ago: due in 4 days, within the 7 days of a due-soon signal. */
        DUE_SOON(24, List.of("DeadlineDueSoon")),
        /** Received 30 days ago: the 4 weeks have passed. */
        MISSED(30, List.of("DeadlineMissed"));

        final int daysAgo;
        final List<String> signals;

        Term(int daysAgo, List<String> signals) {
            this.daysAgo = daysAgo;
            this.signals = signals;
        }

        List<String> timeline() {
            List<String> types = new ArrayList<>(List.of("RequestReceived", "ConsentRequirementDetermined",
                    "DeadlineSet", "DossierReviewed"));
            types.addAll(signals);
            Collections.sort(types);
            return types;
        }
    }

    /** Intake and a review, each request through one request-service instance and its review through the other. */
    static final class Load {
        final Map<String, Term> accepted = new ConcurrentHashMap<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final ReentrantLock gate = new ReentrantLock();
        volatile List<String> instances;
        volatile int done;
        final Thread thread;

        Load(List<String> instances) {
            this.instances = instances;
            this.thread = Thread.ofPlatform().name("scale-out-load").start(this::run);
        }

        void run() {
            for (int i = 0; i < REQUESTS; i++) {
                gate.lock();
                try {
                    one(i);
                } catch (RuntimeException e) {
                    failures.add("request " + i + ": " + e);
                } finally {
                    done = i + 1;
                    gate.unlock();
                }
            }
        }

        void one(int i) {
            List<String> live = instances;
            String intakeVia = live.get(i % live.size());
            String reviewVia = live.get((i + 1) % live.size());
            Term term = Term.values()[i % Term.values().length];
            Response r = QualityCardRoutesTest.as(QualityCardRoutesTest.DIRECTOR, intakeVia).body(body("SCALE-" + i, TODAY.minusDays(term.daysAgo)))
                    .post("/requests");
            if (r.statusCode() != 201) {
                failures.add("intake " + i + " via " + intakeVia + ": " + r.statusCode() + " " + r.asString());
                return;
            }
            String id = r.jsonPath().getString("id");
            accepted.put(id, term);
            Response review = QualityCardRoutesTest.as(QualityCardRoutesTest.COORDINATOR, reviewVia)
                    .body("{\"otherPupilsPseudonymised\":true,\"homeSituationChecked\":true}")
                    .post("/requests/" + id + "/review");
            if (review.statusCode() != 200) {
                failures.add("review of " + id + " via " + reviewVia + ": " + review.statusCode() + " "
                        + review.asString());
            }
        }

        void awaitDone(int n) {
            Await.until(n + " requests sent", Duration.ofSeconds(120), () -> done >= n);
        }

        void finish() throws InterruptedException {
            thread.join(Duration.ofMinutes(3).toMillis());
            assertFalse(thread.isAlive(), "the load finished");
        }
    }

    static String body(String pupilRef, LocalDate receivedOn) {
        return """
                {"kind":"PARENT_ACCESS","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"EMAIL",
                 "pupil":{"ref":"%s","name":"Kim Tweemaal","dateOfBirth":"2017-01-01","group":4},
                 "guardians":[{"id":"g1","name":"Ouder Tweemaal","email":"ouder.t@example.nl","hasAuthority":true}],
                 "guardiansLivingApart":false,"requester":{"guardianId":"g1"},"accessMode":"PDF_BY_SECURE_MAIL"}"""
                .formatted(receivedOn, pupilRef);
    }

    @Test
    void twoInstancesOfEveryService_oneOfEachKilledMidWay_nothingLostNothingTwice() throws Exception {
        Map<String, String> second = new LinkedHashMap<>();
        Map<String, Double> busyOfKilled = new HashMap<>();
        Map<String, Double> publishedOfKilled = new HashMap<>();
        List<String> killed = new ArrayList<>();
        try {
            List<String> instances = stack.startInstances(LocalStack.SERVICES, 2);
            for (int i = 0; i < instances.size(); i++) {
                second.put(LocalStack.SERVICES.get(i), instances.get(i));
            }
            Load load = new Load(List.of("request-service", second.get("request-service")));
            load.awaitDone(REQUESTS / 2);
            load.gate.lock(); // between two requests: what is killed is the services' own work, not a client's call
            try {
                for (String service : RELAYING) {
                    busyOfKilled.put(service, metric(service, BUSY));
                    publishedOfKilled.put(service, metric(service, PUBLISHED));
                }
                for (String service : LocalStack.SERVICES) {
                    stack.kill(service);
                    killed.add(service);
                }
                load.instances = List.of(second.get("request-service"));
            } finally {
                load.gate.unlock();
            }
            load.finish();
            assertEquals(List.of(), load.failures, "every intake and review was accepted");
            assertEquals(REQUESTS, load.accepted.size());

            String register = second.get("register-service");
            Map<String, List<String>> seen = new HashMap<>();
            Await.until("every accepted request is complete in the surviving register", SETTLE, () -> {
                for (Map.Entry<String, Term> e : load.accepted.entrySet()) {
                    List<String> expected = e.getValue().timeline();
                    if (expected.equals(seen.get(e.getKey()))) {
                        continue;
                    }
                    Response r = QualityCardRoutesTest.as(QualityCardRoutesTest.QUALITY_OFFICER, register).get("/register/" + e.getKey());
                    if (r.statusCode() != 200) {
                        return false;
                    }
                    List<String> types = new ArrayList<>(r.jsonPath().getList("timeline.type"));
                    Collections.sort(types);
                    seen.put(e.getKey(), types);
                    if (types.size() >= expected.size() && !expected.equals(types)) {
                        fail(e.getKey() + " (" + e.getValue() + ") has timeline " + types + ", expected " + expected
                                + ": an event was lost or applied twice");
                    }
                    if (!expected.equals(types)) {
                        return false;
                    }
                }
                return true;
            });

            assertEachSignalOnce(load.accepted);

            for (String service : RELAYING) {
                String other = second.get(service);
                Await.until("the relays of " + service + " took turns", Duration.ofSeconds(60),
                        () -> busyOfKilled.get(service) + metric(other, BUSY) > 0);
                assertTrue(publishedOfKilled.get(service) + metric(other, PUBLISHED) > 0,
                        service + "'s relays published");
            }
        } finally {
            stack.restartAll(killed);
            for (String instance : second.values()) {
                stack.stop(instance);
            }
        }

        String any = QualityCardRoutesTest.intake(QualityCardRoutesTest.request("PARENT_ACCESS", TODAY.minusDays(1),
                "EMAIL", QualityCardRoutesTest.pupil("SCALE-REPLAY", 4, false), false,
                ",\"requester\":{\"guardianId\":\"g1\"},\"accessMode\":\"PDF_BY_SECURE_MAIL\""));
        Await.until("the register has the new request's term", SETTLE, () -> QualityCardRoutesTest
                .as(QualityCardRoutesTest.QUALITY_OFFICER, QualityCardRoutesTest.REGISTER).get("/register/" + any)
                .jsonPath().getString("dueOn") != null);
        Map<String, Object> before = QualityCardRoutesTest.settledRegister(any);
        QualityCardRoutesTest.as(QualityCardRoutesTest.QUALITY_OFFICER, QualityCardRoutesTest.REGISTER)
                .post("/register/replay").then().statusCode(202);
        Await.until("the replay has finished", Duration.ofSeconds(120), () -> "IDLE".equals(
                QualityCardRoutesTest.as(QualityCardRoutesTest.QUALITY_OFFICER, QualityCardRoutesTest.REGISTER)
                        .get("/register/replay").then().extract().path("state")));
        assertEquals(before, QualityCardRoutesTest.register(any), "the rebuilt register equals the live one");
    }

    /** deadline-service's own store: each term's due-soon or missed signal written once, whichever scan won. */
    static void assertEachSignalOnce(Map<String, Term> accepted) throws Exception {
        Map<String, List<String>> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl(LocalStack.database(
                "deadline-service")), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
                PreparedStatement s = c.prepareStatement("select stream_id::text, type from event_store "
                        + "where type in ('DeadlineDueSoon', 'DeadlineMissed') and stream_id::text = any(?)")) {
            s.setArray(1, c.createArrayOf("text", accepted.keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        int signals = 0;
        for (Map.Entry<String, Term> e : accepted.entrySet()) {
            assertEquals(e.getValue().signals, stored.getOrDefault(e.getKey(), List.of()),
                    e.getKey() + " (" + e.getValue() + "): its signals in deadline-service's event store");
            signals += e.getValue().signals.size();
        }
        assertTrue(signals > 0, "some terms were due soon or missed");
    }

    /** A counter of one instance's metrics (management port). */
    static double metric(String instance, Pattern counter) {
        String text = given().baseUri(stack.managementUrl(instance)).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        Matcher m = counter.matcher(text);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
