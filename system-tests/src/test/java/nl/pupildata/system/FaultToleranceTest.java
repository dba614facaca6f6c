package nl.pupildata.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.*;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import nl.pupildata.infra.Await;
import nl.pupildata.runner.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults under load, with real processes on loopback: every service killed with SIGKILL and restarted, the
 * Kafka broker stopped and restarted, PostgreSQL stopped and restarted. Afterwards every accepted request is
 * in the register exactly once, with its complete timeline and the right consent state, and no event was
 * applied twice. The load per fault is small here ({@code -Dpupil-data.faults.requests=40}); raise it with
 * that property for a longer run.
 */
class FaultToleranceTest {

    static final int REQUESTS = Integer.getInteger("pupil-data.faults.requests", 40);
    static final Duration SETTLE = Duration.ofSeconds(120);
    static final LocalStack stack = SystemUnderTest.stack();
    static final String DIRECTOR = stack.token("directeur.12ab");
    static final String OFFICER = stack.token("kwaliteit.bestuur");
    static final List<String> report = new ArrayList<>();

    @BeforeAll
    static void start() {
        report.add(String.format("%-28s %6s %9s %8s %7s %6s", "fault", "sent", "accepted", "refused", "failed",
                "found"));
    }

    @AfterAll
    static void printReport() throws Exception {
        String text = String.join("\n", report) + "\n";
        System.out.println("Fault tests (" + REQUESTS + " requests per fault):\n" + text);
        Files.writeString(Path.of("target", "fault-report.txt"), text);
    }

    /** Sends the load on its own thread: sequential intakes, paced, each with its own answer recorded. */
    static final class Load {
        final String name;
        final List<String> accepted = new CopyOnWriteArrayList<>();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final List<String> badFailures = new CopyOnWriteArrayList<>();
        final boolean expect503;
        final Thread thread;

        Load(String name, boolean expect503) {
            this.name = name;
            this.expect503 = expect503;
            this.thread = Thread.ofPlatform().name("load-" + name).start(this::run);
        }

        void run() {
            for (int i = 0; i < REQUESTS; i++) {
                sent.incrementAndGet();
                try {
                    Response r = given().baseUri(stack.url("request-service")).header("Authorization", "Bearer " + DIRECTOR)
                            .contentType(ContentType.JSON).body(body(name.replaceAll("[^A-Za-z0-9]+", "-") + "-" + i))
                            .post("/requests");
                    if (r.statusCode() == 201) {
                        accepted.add(r.jsonPath().getString("id"));
                    } else if (r.statusCode() < 500) {
                        refused.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        boolean problem = String.valueOf(r.contentType()).startsWith("application/problem+json");
                        if (expect503 && (r.statusCode() != 503 || !problem)) {
                            badFailures.add(r.statusCode() + " " + r.contentType() + " " + r.asString());
                        }
                    }
                } catch (Exception connectionRefused) {
                    failed.incrementAndGet(); // the service is down: the client sees no answer at all
                }
                pause();
            }
        }

        void awaitSent(int n) {
            Await.until(name + " has sent " + n, Duration.ofSeconds(120), () -> sent.get() >= n);
        }

        void finish() throws InterruptedException {
            thread.join(Duration.ofMinutes(3).toMillis());
            assertFalse(thread.isAlive(), "the load finished");
        }
    }

    static void pause() {
        try {
            Thread.sleep(40); // pacing of the load generator, not a wait for state
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String body(String pupilRef) {
        return """
                {"kind":"PARENT_ACCESS","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"EMAIL",
                 "pupil":{"ref":"%s","name":"Kim Faultless","dateOfBirth":"2017-01-01","group":4},
                 "guardians":[{"id":"g1","name":"Ouder Faultless","email":"ouder.f@example.nl","hasAuthority":true}],
                 "guardiansLivingApart":false,"requester":{"guardianId":"g1"},"accessMode":"PDF_BY_SECURE_MAIL"}"""
                .formatted(LocalDate.now(), pupilRef);
    }

    /** Every accepted request: in the register once, with exactly its three events, and the right consent. */
    static void verify(Load load) {
        List<String> expectedTimeline = List.of("ConsentRequirementDetermined", "DeadlineSet", "RequestReceived");
        Map<String, List<String>> lastSeen = new HashMap<>();
        Await.until("every accepted request of " + load.name + " is complete in the register", SETTLE, () -> {
            for (String id : load.accepted) {
                if (expectedTimeline.equals(lastSeen.get(id))) {
                    continue;
                }
                Response r = given().baseUri(stack.url("register-service")).header("Authorization", "Bearer " + OFFICER)
                        .get("/register/" + id);
                if (r.statusCode() != 200) {
                    return false;
                }
                List<String> types = new ArrayList<>(r.jsonPath().getList("timeline.type"));
                Collections.sort(types);
                lastSeen.put(id, types);
                if (types.size() >= 3 && !expectedTimeline.equals(types)) {
                    fail(id + " has timeline " + types + ": an event was lost or applied twice");
                }
                if (!expectedTimeline.equals(types)) {
                    return false;
                }
            }
            return true;
        });
        for (String id : load.accepted) {
            given().baseUri(stack.url("consent-service")).header("Authorization", "Bearer " + OFFICER)
                    .get("/requests/" + id + "/consent").then().statusCode(200)
                    .body("requirement", org.hamcrest.Matchers.is("NONE"));
        }
        long found = load.accepted.stream().filter(id -> given().baseUri(stack.url("register-service"))
                .header("Authorization", "Bearer " + OFFICER).get("/register/" + id).statusCode() == 200).count();
        assertEquals(load.accepted.size(), found);
        assertTrue(load.badFailures.isEmpty(), () -> "failures that were not a 503 problem: " + load.badFailures
                + "\nrequest-service logged:\n" + unexpectedFailures());
        assertTrue(load.accepted.size() > 0, "some requests were accepted");
        report.add(String.format("%-28s %6d %9d %8d %7d %6d", load.name, load.sent.get(), load.accepted.size(),
                load.refused.get(), load.failed.get(), found));
    }

    /** The stack traces request-service logged for its 500s, so a failing run says what to recognise next. */
    private static String unexpectedFailures() {
        try {
            List<String> lines = Files.readAllLines(stack.logFile("request-service"));
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("Unexpected failure")) {
                    lines.subList(i, Math.min(lines.size(), i + 40)).forEach(l -> b.append(l).append('\n'));
                }
            }
            return b.toString();
        } catch (java.io.IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Test
    void killEachServiceInTurnAndRestartIt() throws Exception {
        for (String service : LocalStack.SERVICES) {
            Load load = new Load("kill -9 " + service, false);
            load.awaitSent(REQUESTS / 3);
            stack.kill(service);
            load.awaitSent(2 * REQUESTS / 3);
            stack.restart(service);
            load.finish();
            verify(load);
        }
    }

    @Test
    void stopTheKafkaBrokerAndStartItAgain() throws Exception {
        Load load = new Load("Kafka stopped", false);
        load.awaitSent(REQUESTS / 3);
        stack.kafka().stop();
        load.awaitSent(2 * REQUESTS / 3);
        stack.kafka().restart();
        load.finish();
        assertEquals(0, load.failed.get(), "commands are accepted while Kafka is away");
        verify(load);
    }

    @Test
    void stopPostgresAndStartItAgain_commandsInBetweenGet503Problems() throws Exception {
        Load load = new Load("PostgreSQL stopped", true);
        load.awaitSent(REQUESTS / 3);
        stack.postgres().stop();
        load.awaitSent(2 * REQUESTS / 3);
        stack.postgres().restart();
        load.finish();
        assertTrue(load.failed.get() > 0, "the outage was noticed");
        verify(load);
    }
}
