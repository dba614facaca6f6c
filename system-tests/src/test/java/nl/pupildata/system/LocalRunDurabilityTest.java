package nl.pupildata.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import nl.pupildata.infra.Await;
import nl.pupildata.infra.EmbeddedKeycloak;
import nl.pupildata.infra.EmbeddedPostgresServer;
import nl.pupildata.runner.DemoData;
import nl.pupildata.runner.PortOwners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/run-local} as a person uses it, against its real embedded Kafka and PostgreSQL: the runner is
 * started as its own process on a data folder of its own, stopped with SIGINT (as Ctrl-C does) and with SIGKILL,
 * started again, backed up while it runs and restored. After each start everything entered before is there,
 * steps taken after it are folded, and a replay of the register equals the live one.
 */
class LocalRunDurabilityTest {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final long T0 = System.nanoTime();
    static final String DIRECTOR = "directeur.12ab";
    static final String COORDINATOR = "kc.12ab";
    static final String OFFICER = "kwaliteit.bestuur";

    /** One start of the runner: its process and everything it printed. */
    static final class Run {
        final Process process;
        final List<String> output = Collections.synchronizedList(new ArrayList<>());
        final int offset;

        Run(Process process, int offset) {
            this.process = process;
            this.offset = offset;
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        output.add(line);
                        // Echoed with the seconds since this class was loaded: the report shows where its minutes go.
                        System.out.printf("[%6.1f] %s%n", (System.nanoTime() - T0) / 1e9, line);
                    }
                } catch (IOException ended) {
                    // the process ended
                }
            });
        }

        boolean printed(Predicate<String> line) {
            synchronized (output) {
                return output.stream().anyMatch(line);
            }
        }

        String text() {
            synchronized (output) {
                return String.join("\n", output);
            }
        }

        Run awaitReady() {
            Await.until("the local run is ready:\n" + text(), WAIT, () -> {
                assertTrue(process.isAlive(), () -> "the runner stopped:\n" + text());
                return printed(l -> l.startsWith("Press Ctrl-C"));
            });
            return this;
        }

        String url(int port) {
            return "http://localhost:" + (port + offset);
        }

        /** A token of a demo user from the Keycloak the runs share. */
        String token(String user) {
            return keycloak.token(user);
        }

        /** What a terminal's Ctrl-C sends. */
        long interrupt() throws Exception {
            long t0 = System.nanoTime();
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), () -> "did not stop within 30 s:\n" + text());
            return (System.nanoTime() - t0) / 1_000_000;
        }
    }

    @Test
    void dataIsKeptOverStopsKillsAndARestoreAndNothingForeignIsShown() throws Exception {
        Path data = Files.createTempDirectory("local-run-data");
        int offset = freeOffset();

        // 1. A first run with the demo requests; one more request with steps of its own.
        Run first = start(offset, data, "--demo").awaitReady();
        assertTrue(first.printed(l -> l.contains("Loaded " + DemoData.COUNT + " example requests")), first::text);
        String id = as(first.token(DIRECTOR), first.url(8081)).body("""
                {"kind":"PARENT_ACCESS","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"EMAIL",
                 "pupil":{"ref":"L-77001","name":"Sam de Vries","dateOfBirth":"2017-03-01","group":4},
                 "guardians":[{"id":"g1","name":"Anna de Vries","email":"anna@example.nl","hasAuthority":true}],
                 "guardiansLivingApart":false,"requester":{"guardianId":"g1"},"accessMode":"PDF_BY_SECURE_MAIL"}"""
                .formatted(LocalDate.now().minusDays(3))).post("/requests").then().statusCode(201).extract().path("id");
        as(first.token(DIRECTOR), first.url(8081)).body("{\"expectedOn\":\"" + LocalDate.now().plusDays(7) + "\"}")
                .post("/requests/" + id + "/acknowledgement").then().statusCode(200);
        as(first.token(COORDINATOR), first.url(8081)).body("{\"otherPupilsPseudonymised\":true,\"homeSituationChecked\":true}")
                .post("/requests/" + id + "/review").then().statusCode(200);
        awaitRegister(first, id, "IN_PROGRESS", DemoData.COUNT + 1);
        awaitDemoSignals(first);
        String registerBefore = settledExport(first);
        String dueOn = as(first.token(DIRECTOR), first.url(8083)).get("/requests/" + id + "/deadline").then().statusCode(200)
                .extract().path("dueOn");

        // 2. Ctrl-C: everything stops, in order, saying so.
        long stopMillis = first.interrupt();
        System.out.printf("Stop after SIGINT took %d ms%n", stopMillis);
        assertEquals(0, first.process.exitValue(), first::text);
        assertTrue(first.printed(l -> l.contains("All stopped in")), first::text);
        assertFalse(Files.exists(data.resolve("postgres/postmaster.pid")), "PostgreSQL is still running");

        // 3. Started again: all there, the demo not loaded twice, a new step folded, a replay equal.
        long t0 = System.nanoTime();
        Run second = start(offset, data, "--demo").awaitReady();
        System.out.printf("Start after a stop took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertTrue(second.printed(l -> l.contains("not loading them again")), second::text);
        assertEquals(registerBefore, export(second), "the register after a restart");
        as(second.token(DIRECTOR), second.url(8081)).get("/requests/" + id).then().statusCode(200);
        as(second.token(DIRECTOR), second.url(8083)).get("/requests/" + id + "/deadline").then().statusCode(200)
                .body("dueOn", org.hamcrest.Matchers.equalTo(dueOn));
        as(second.token(DIRECTOR), second.url(8084)).get("/register/pupils/L-77001").then().statusCode(200)
                .body("count", org.hamcrest.Matchers.equalTo(1));
        as(second.token(DIRECTOR), second.url(8081)).body("{\"channel\":\"SECURE_MAIL\",\"recipient\":\"anna@example.nl\","
                + "\"exportedFromPupilAdministration\":true}")
                .post("/requests/" + id + "/shares").then().statusCode(200);
        awaitRegister(second, id, "ANSWERED", DemoData.COUNT + 1);
        assertReplayEqualsLive(second);

        // 4. SIGKILL: the runner gets no chance to stop anything. Its services and PostgreSQL are left running.
        List<Long> orphans = recordedPids(data);
        second.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertTrue(orphans.stream().anyMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)),
                "a killed runner leaves its services behind (that is what the next start must handle)");
        assertTrue(Files.exists(data.resolve("postgres/postmaster.pid")), "PostgreSQL left running");

        // 5. Another folder on the same ports is refused, naming the port; it starts nothing.
        Run foreign = start(offset, Files.createTempDirectory("other-data"));
        assertTrue(foreign.process.waitFor(60, TimeUnit.SECONDS), foreign::text);
        assertEquals(1, foreign.process.exitValue(), foreign::text);
        assertTrue(foreign.printed(l -> l.contains("port " + (55432 + offset) + " (for PostgreSQL) is in use by pid")),
                foreign::text);

        // 6. Started again on its own folder: what the killed run left is stopped, its PostgreSQL recovered.
        Run third = start(offset, data).awaitReady();
        assertTrue(third.printed(l -> l.contains("PostgreSQL of an earlier run")), third::text);
        assertTrue(third.printed(l -> l.contains("of an earlier run (pid")), third::text);
        orphans.forEach(pid -> assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                "process " + pid + " of the killed run still runs"));
        awaitRegister(third, id, "ANSWERED", DemoData.COUNT + 1);
        String registerAfterKill = settledExport(third);

        // 7. A backup while it runs; stopped; restored over the folder; everything back, the replay equal.
        Path backup = data.resolveSibling(data.getFileName() + "-backup.tar.gz");
        Process b = command("backup", backup.toString(), "--data", data.toString());
        assertEquals(0, b.waitFor(), () -> output(b));
        third.interrupt();
        Process r = command("restore", backup.toString(), "--data", data.toString(), "--replace");
        assertEquals(0, r.waitFor(), () -> output(r));
        Run restored = start(offset, data).awaitReady();
        assertEquals(registerAfterKill, export(restored), "the register after a restore");
        as(restored.token(DIRECTOR), restored.url(8081)).get("/requests/" + id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ANSWERED"));
        assertReplayEqualsLive(restored);
        restored.interrupt();
    }

    // ------------------------------------------------------------------------------------------------------

    /** The runner as scripts/run-local starts it, with SIGINT at its default as in a terminal. */
    Run start(int offset, Path data, String... options) throws IOException {
        dataFolders.add(data);
        List<String> command = new ArrayList<>(runnerCommand("nl.pupildata.runner.LocalRun"));
        command.addAll(List.of("--data", data.toString(), "--port-offset", Integer.toString(offset),
                "--keycloak-url", keycloak.url(), "--without-staff-web"));
        command.addAll(List.of(options));
        Run run = new Run(new ProcessBuilder(command).redirectErrorStream(true).start(), offset);
        runs.add(run);
        return run;
    }

    /**
     * The system tests' Keycloak for all the runs of this test (each run would otherwise start its own, which the
     * system tests already prove): the runner uses it with --keycloak-url, as a board would use its own identity
     * provider. The staff page is left out (--without-staff-web): the browser tests prove it; this test is about data.
     */
    static EmbeddedKeycloak keycloak;

    @BeforeAll
    static void useTheSystemsKeycloak() {
        keycloak = SystemUnderTest.stack().keycloak();
    }

    final List<Run> runs = new ArrayList<>();
    final List<Path> dataFolders = new ArrayList<>();

    /** Whatever happened in the test, nothing of its runs keeps running. */
    @AfterEach
    void stopEverything() throws IOException {
        runs.forEach(run -> run.process.destroyForcibly());
        for (Path data : dataFolders) {
            if (Files.exists(data.resolve("run.state"))) {
                recordedPids(data).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            }
            EmbeddedPostgresServer.stopLeftover(data.resolve("postgres"), System.out::println);
        }
    }

    static Process command(String backupOrRestore, String... args) throws IOException {
        List<String> command = new ArrayList<>(runnerCommand("nl.pupildata.runner.DataBackup"));
        command.add(backupOrRestore);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /**
     * A process started from a background job ignores SIGINT for good (POSIX), and the JVM then cannot catch it;
     * perl (essential on Debian) sets it back to its default, as a terminal has it, and becomes the runner.
     */
    static List<String> runnerCommand(String mainClass) {
        Path root = SystemUnderTest.ROOT;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!", java,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dpupil-data.root=" + root,
                "-Dpupil-data.service.pupil-data.deadline.scan-interval=2s", "-cp",
                root.resolve("local-runner/target/local-runner-1.0.0-SNAPSHOT.jar") + ":"
                        + root.resolve("local-runner/target/lib/*"), mainClass);
    }

    static String output(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** An offset at which every port of the run is free. */
    static int freeOffset() {
        for (int offset = 3000; offset < 10000; offset += 137) {
            int o = offset;
            if (IntStream.of(9092, 9093, 55432, 8081, 8082, 8083, 8084).allMatch(p -> PortOwners.isFree(p + o))) {
                return offset;
            }
        }
        throw new IllegalStateException("no free ports");
    }

    static List<Long> recordedPids(Path data) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(data.resolve("run.state"))) {
            p.load(in);
        }
        return p.stringPropertyNames().stream().filter(k -> k.startsWith("process.") && k.endsWith(".pid"))
                .map(k -> Long.parseLong(p.getProperty(k))).toList();
    }

    static RequestSpecification as(String token, String baseUri) {
        return given().baseUri(baseUri).header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static void awaitRegister(Run run, String id, String status, int total) {
        Await.until("the register shows " + id + " as " + status + " among " + total, WAIT, () -> {
            var entry = as(run.token(OFFICER), run.url(8084)).get("/register/" + id);
            var list = as(run.token(OFFICER), run.url(8084)).get("/register?size=1");
            // An answered request is settled when deadline-service has also said that its term was met.
            return entry.statusCode() == 200 && status.equals(entry.jsonPath().getString("status"))
                    && entry.jsonPath().getString("dueOn") != null
                    && (!"ANSWERED".equals(status) || entry.jsonPath().get("metWithinTerm") != null)
                    && list.jsonPath().getInt("total") == total;
        });
    }

    /** The demo's missed and due-soon terms are signalled (and in the register) before the register is compared. */
    static void awaitDemoSignals(Run run) {
        Await.until("the demo's terms are signalled", WAIT,
                () -> timelines(run, "L-19883").contains("DeadlineMissed")
                        && timelines(run, "L-21002").contains("DeadlineDueSoon"));
    }

    /** The event types on the timelines of a pupil's requests. */
    static List<String> timelines(Run run, String pupilRef) {
        List<String> ids = as(run.token(OFFICER), run.url(8084)).get("/register/pupils/" + pupilRef).jsonPath()
                .getList("requests.requestId");
        return ids.stream().flatMap(id -> as(run.token(OFFICER), run.url(8084)).get("/register/" + id).jsonPath()
                .<String>getList("timeline.type").stream()).toList();
    }

    /**
     * The CSV once every request has its consent requirement (consent-service has seen it) and two reads a moment
     * apart agree: nothing is still on its way to the register.
     */
    static String settledExport(Run run) {
        String[] last = { null };
        Await.until("the register has settled", WAIT, () -> {
            String now = export(run);
            boolean complete = now.lines().skip(1).noneMatch(l -> l.split(",", -1)[10].isEmpty());
            boolean same = now.equals(last[0]);
            last[0] = now;
            if (!same) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return complete && same;
        });
        return last[0];
    }

    static String export(Run run) {
        return as(run.token(OFFICER), run.url(8084)).accept("text/csv").get("/register/export").then().statusCode(200)
                .extract().asString();
    }

    static void assertReplayEqualsLive(Run run) {
        String live = export(run);
        as(run.token(OFFICER), run.url(8084)).post("/register/replay").then().statusCode(202);
        Await.until("the replay ends", WAIT, () -> "IDLE".equals(as(run.token(OFFICER), run.url(8084))
                .get("/register/replay").jsonPath().getString("state")));
        assertEquals(live, export(run), "the register rebuilt from the topics");
    }
}
