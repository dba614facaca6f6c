package nl.pupildata.system;

import static nl.pupildata.system.QualityCardRoutesTest.ADMIN;
import static nl.pupildata.system.QualityCardRoutesTest.CONSENT;
import static nl.pupildata.system.QualityCardRoutesTest.DEADLINE;
import static nl.pupildata.system.QualityCardRoutesTest.DIRECTOR;
import static nl.pupildata.system.QualityCardRoutesTest.PRIVACY_OFFICER;
import static nl.pupildata.system.QualityCardRoutesTest.QUALITY_OFFICER;
import static nl.pupildata.system.QualityCardRoutesTest.REGISTER;
import static nl.pupildata.system.QualityCardRoutesTest.REQ;
import static nl.pupildata.system.QualityCardRoutesTest.TODAY;
import static nl.pupildata.system.QualityCardRoutesTest.WAIT;
import static nl.pupildata.system.QualityCardRoutesTest.as;
import static nl.pupildata.system.QualityCardRoutesTest.awaitConsentKnown;
import static nl.pupildata.system.QualityCardRoutesTest.consent;
import static nl.pupildata.system.QualityCardRoutesTest.register;
import static nl.pupildata.system.QualityCardRoutesTest.scanTopics;
import static nl.pupildata.system.QualityCardRoutesTest.settledRegister;
import static nl.pupildata.system.QualityCardRoutesTest.stack;
import static nl.pupildata.system.QualityCardRoutesTest.step;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.events.sealing.KeyRecords;
import nl.pupildata.events.sealing.ValueSeal;
import nl.pupildata.infra.Await;
import nl.pupildata.infra.EmbeddedPostgresServer;
import nl.pupildata.runner.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, crypto-shredding, through the packaged services: two requests' values — pupil reference, guardian ids,
 * a consent request's description and evidence reference (a Veilig Thuis request), an extension's reason (the same
 * pupil's access request), the third-party topic — are used while the requests run; once their retention period
 * passed and request-service erased them, a dump of every topic and of every service's database holds none of them, the register shows them as erased with its counts and dates kept,
 * and a replay of the register gives the same register.
 */
class ErasureLeavesNothingBehindTest {

    static final List<String> TOPICS = List.of("pupil-data.requests", "pupil-data.consents", "pupil-data.deadlines",
            "pupil-data.dead-letter", KeyRecords.TOPIC);

    @Test
    void afterErasureNoTopicAndNoDatabaseHoldsTheRequestsValues_andAReplayGivesTheSameRegister() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String pupilRef = "P-ERASE-" + tag;
        String mother = "ma-" + tag.toLowerCase(Locale.ROOT);
        String father = "pa-" + tag.toLowerCase(Locale.ROOT);
        String description = "Verslag zorgoverleg " + tag;
        String evidence = "formulier-" + tag;
        String reason = "Dossier ligt nog bij de jeugdarts " + tag;
        List<String> values = List.of(pupilRef, mother, father, description, evidence, reason);

        String id = as(DIRECTOR, REQ).body("""
                {"kind":"THIRD_PARTY","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"EMAIL",
                 "pupil":{"ref":"%s","name":"Noor el Amrani","dateOfBirth":"2016-09-14","group":5,"hasDoorstroomtoets":false},
                 "guardians":[{"id":"%s","name":"Fatima el Amrani","email":"fatima.elamrani@example.nl","hasAuthority":true},
                              {"id":"%s","name":"Youssef el Amrani","email":"youssef.elamrani@example.nl","hasAuthority":true}],
                 "guardiansLivingApart":true,"topic":"VEILIG_THUIS",
                 "requester":{"organisation":"Veilig Thuis Utrecht","name":"M. Visser","email":"m.visser@veiligthuisutrecht.nl"}}
                """.formatted(TODAY, pupilRef, mother, father)).post("/requests").then().statusCode(201)
                .extract().path("id");
        awaitConsentKnown(id);
        consent(DIRECTOR, id, "requests", "{\"guardianId\":\"" + mother + "\",\"informationDescription\":\""
                + description + "\"}").statusCode(200);
        consent(DIRECTOR, id, "grants", "{\"guardianId\":\"" + mother + "\",\"evidence\":\"EMAIL\",\"evidenceRef\":\""
                + evidence + "\"}").statusCode(200);
        step(ADMIN, id, "withdrawal", "{}").statusCode(200);
        // A guardian's access request of the same pupil, whose 4-week term (PA-4) was extended with a reason.
        String access = as(DIRECTOR, REQ).body("""
                {"kind":"PARENT_ACCESS","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"EMAIL",
                 "pupil":{"ref":"%s","name":"Noor el Amrani","dateOfBirth":"2016-09-14","group":5},
                 "guardians":[{"id":"%s","name":"Fatima el Amrani","email":"fatima.elamrani@example.nl","hasAuthority":true}],
                 "guardiansLivingApart":false,"requester":{"guardianId":"%s"},"accessMode":"PDF_BY_SECURE_MAIL"}
                """.formatted(TODAY, pupilRef, mother, mother)).post("/requests").then().statusCode(201)
                .extract().path("id");
        Await.until("the term is set", WAIT,
                () -> as(DIRECTOR, DEADLINE).get("/requests/" + access + "/deadline").statusCode() == 200);
        as(PRIVACY_OFFICER, DEADLINE).body("{\"reason\":\"" + reason + "\",\"guardiansNotifiedOn\":\"" + TODAY + "\"}")
                .post("/requests/" + access + "/deadline/extensions").then().statusCode(200);
        step(ADMIN, access, "withdrawal", "{}").statusCode(200);

        // While the requests run, their values are there to use — and the dump below finds them: the check can fail.
        for (String request : List.of(id, access)) {
            Await.until("the register has " + request + " withdrawn", WAIT, () -> {
                var r = as(QUALITY_OFFICER, REGISTER).get("/register/" + request);
                return r.statusCode() == 200 && "WITHDRAWN".equals(r.jsonPath().getString("status"));
            });
            as(QUALITY_OFFICER, REGISTER).get("/register/" + request).then()
                    .body("pupilRef", org.hamcrest.Matchers.is(pupilRef));
        }
        Await.until("the register has the extension", WAIT, () -> as(QUALITY_OFFICER, REGISTER)
                .get("/register/" + access).jsonPath().getList("extensions").size() == 1);
        List<String> before = new ArrayList<>();
        dumpDatabases(values, id, before);
        assertTrue(before.stream().anyMatch(f -> f.startsWith("register-service.register_timeline")
                && f.endsWith(description)), "before erasure the register's timeline holds the description: " + before);
        assertTrue(before.stream().anyMatch(f -> f.startsWith("request-service.request_personal_details")),
                "and request-service the personal details: " + before);

        // The retention period (here none) has passed: request-service's scan erases the request.
        stack.stop(REQ);
        stack.restart(REQ, Map.of("pupil-data.retention.personal-data", "P0D",
                "pupil-data.retention.first-scan", "1s", "pupil-data.retention.scan-interval", "1s"));
        Await.until("request-service erased the requests", WAIT, () -> as(PRIVACY_OFFICER, REQ).get("/retention")
                .jsonPath().getList("erased.requestId").containsAll(List.of(id, access)));
        stack.stop(REQ);
        stack.restart(REQ);
        as(PRIVACY_OFFICER, REQ).get("/retention").then().body("erased.requestId", hasItem(id));
        for (String request : List.of(id, access)) {
            for (String service : List.of(CONSENT, DEADLINE, REGISTER)) {
                Await.until(service + " deleted its copy of the key of " + request, WAIT, () -> "1".equals(query(
                        service, "select count(*) from request_key where request_id = '" + request
                                + "' and secret is null")));
            }
            Await.until("the register shows the erasure", WAIT, () -> as(QUALITY_OFFICER, REGISTER)
                    .get("/register/" + request).jsonPath().getList("timeline.type").contains("PersonalDataErased"));
        }

        List<String> found = new ArrayList<>();
        dumpDatabases(values, id, found);
        int[] ofThisRequest = {0};
        Map<String, List<ConsumerRecord<String, String>>> keyRecords = new java.util.HashMap<>();
        int scanned = scanTopics("erasure-scan", TOPICS, r -> {
            ofThisRequest[0] += id.equals(r.key()) || access.equals(r.key()) ? 1 : 0;
            if (KeyRecords.TOPIC.equals(r.topic())) {
                keyRecords.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
            }
            StringBuilder all = new StringBuilder(String.valueOf(r.key())).append(r.value());
            for (Header h : r.headers()) {
                all.append(h.key()).append(h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
            }
            values.stream().filter(all.toString()::contains).forEach(v -> found.add(r.topic() + "@" + r.offset()
                    + ": " + v));
            if (id.equals(r.key()) && all.toString().contains("VEILIG_THUIS")) {
                found.add(r.topic() + "@" + r.offset() + ": the topic VEILIG_THUIS");
            }
        });
        assertEquals(List.of(), found, "after erasure, in the " + scanned + " messages and in every database");
        assertTrue(ofThisRequest[0] >= 12, "the requests' own messages were among those scanned: "
                + ofThisRequest[0]);
        for (String request : List.of(id, access)) {
            List<ConsumerRecord<String, String>> keys = keyRecords.get(request);
            assertNull(keys.get(keys.size() - 1).value(),
                    "the key topic ends with the request's tombstone; compaction removes the key itself");
            // The register keeps counts and dates and shows the values as erased.
            var entry = as(QUALITY_OFFICER, REGISTER).get("/register/" + request).then().statusCode(200).extract()
                    .jsonPath();
            assertEquals(ValueSeal.ERASED, entry.getString("pupilRef"));
            assertEquals("WITHDRAWN", entry.getString("status"));
            assertEquals(TODAY.toString(), entry.getString("receivedOn"));
        }
        var extension = as(QUALITY_OFFICER, REGISTER).get("/register/" + access).jsonPath();
        assertEquals(List.of(ValueSeal.ERASED), extension.getList("extensions.reason"), "the extension stays, its"
                + " reason erased");

        // A replay after erasure reads the sealed values as erased: the same register.
        Map<String, Object> live = settledRegister(id);
        as(QUALITY_OFFICER, REGISTER).post("/register/replay").then().statusCode(202);
        Await.until("the replay has finished", Duration.ofSeconds(120), () -> "IDLE".equals(
                as(QUALITY_OFFICER, REGISTER).get("/register/replay").then().extract().path("state")));
        assertEquals(live, register(id), "the register rebuilt after erasure equals the live one");
        List<String> afterReplay = new ArrayList<>();
        dumpDatabases(values, id, afterReplay);
        assertEquals(List.of(), afterReplay, "nor does the replay bring a value back");
    }

    /** Every row of every table of every service's database, as text: where one holds a value, or the topic. */
    static void dumpDatabases(List<String> values, String id, List<String> found) throws Exception {
        for (String service : LocalStack.SERVICES) {
            try (Connection c = connect(service); Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet r = s.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                    while (r.next()) {
                        tables.add(r.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet r = s.executeQuery("select t::text from \"" + table + "\" t")) {
                        while (r.next()) {
                            String row = r.getString(1);
                            for (String value : values) {
                                if (row.contains(value)) {
                                    found.add(service + "." + table + ": " + value);
                                }
                            }
                            if (row.contains(id) && row.contains("VEILIG_THUIS")) {
                                found.add(service + "." + table + ": the topic VEILIG_THUIS");
                            }
                        }
                    }
                }
            }
        }
    }

    static String query(String service, String sql) {
        try (Connection c = connect(service); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection connect(String service) throws java.sql.SQLException {
        return DriverManager.getConnection(stack.postgres().jdbcUrl(LocalStack.database(service)),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }
}
