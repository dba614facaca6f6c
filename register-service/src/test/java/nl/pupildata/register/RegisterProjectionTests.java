package nl.pupildata.register;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.events.*;
import nl.pupildata.events.model.*;
import nl.pupildata.events.sealing.ValueSeal;
import nl.pupildata.infra.Await;
import nl.pupildata.register.persistence.KeptTimelines;
import nl.pupildata.register.persistence.ReplayBatch;
import nl.pupildata.testinfra.RealInfrastructure;
import nl.pupildata.testinfra.Sql;
import nl.pupildata.testinfra.Tokens;
import nl.pupildata.testinfra.TopicProbe;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RegisterProjectionTests {
    /** Health and metrics are on the management interface (docs/platform.md). */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readyUrl;

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String OFFICER = Tokens.bearer("QUALITY_OFFICER");
    static final Instant T = Instant.parse("2026-11-02T09:00:00Z");

    static RequestReceived received(UUID id, String pupilRef, RequestKind kind) {
        return new RequestReceived(id, "director@12AB", "12AB", kind, LocalDate.of(2026, 11, 2),
                ReceivedVia.EMAIL, pupilRef, 4, false, List.of(new GuardianRef("g1", true)), false,
                kind == RequestKind.PARENT_ACCESS ? RequesterCategory.GUARDIAN : RequesterCategory.EXTERNAL_PROFESSIONAL,
                kind == RequestKind.PARENT_ACCESS ? "g1" : null,
                kind == RequestKind.PARENT_ACCESS ? AccessMode.PDF_BY_SECURE_MAIL : null,
                kind == RequestKind.THIRD_PARTY ? ThirdPartyTopic.DYSLEXIA_CARE : null,
                kind == RequestKind.THIRD_PARTY ? Complexity.STANDARD : null, null, null);
    }

    /** A whole access request's life, as the three services would publish it. */
    static List<EventEnvelope> accessLife(UUID id, String pupil) {
        return List.of(
                new EventEnvelope(UUID.randomUUID(), T, received(id, pupil, RequestKind.PARENT_ACCESS)),
                new EventEnvelope(UUID.randomUUID(), T.plusSeconds(1), new ConsentRequirementDetermined(id,
                        "consent-service", ConsentRequirement.NONE, List.of())),
                new EventEnvelope(UUID.randomUUID(), T.plusSeconds(2), new DeadlineSet(id, "deadline-service", "12AB",
                        LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 30))),
                new EventEnvelope(UUID.randomUUID(), T.plusSeconds(60), new DeadlineExtended(id,
                        "privacy-officer@board", 1, LocalDate.of(2026, 12, 30), "Extern dossier, \"gedeeltelijk\"",
                        LocalDate.of(2026, 11, 20))),
                new EventEnvelope(UUID.randomUUID(), T.plusSeconds(90), new DossierReviewed(id, "director@12AB",
                        true, true)),
                new EventEnvelope(UUID.randomUUID(), T.plusSeconds(120), new InformationShared(id, "director@12AB",
                        ShareChannel.SECURE_MAIL, LocalDate.of(2026, 12, 1), List.of(), null)),
                new EventEnvelope(UUID.randomUUID(), T.plusSeconds(121), new DeadlineMet(id, "director@12AB",
                        LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 30), true)),
                new EventEnvelope(UUID.randomUUID(), T.plusSeconds(180),
                        new RequestClosed(id, "director@12AB", LocalDate.of(2026, 12, 2))));
    }

    static JsonPath awaitEntry(UUID id, int timelineSize) {
        Await.until("the register shows " + timelineSize + " events of " + id, WAIT, () -> {
            var response = given().header("Authorization", OFFICER).get("/register/" + id);
            return response.statusCode() == 200 && response.jsonPath().getList("timeline").size() == timelineSize;
        });
        return given().header("Authorization", OFFICER).get("/register/" + id).then().extract().jsonPath();
    }

    @Test
    void aRequestsFullLife_entryAndTimelineAreRight_evenWithRedeliveryAndTheDeadlineFirst() {
        UUID id = UUID.randomUUID();
        String pupil = "P-" + id.toString().substring(0, 8);
        List<EventEnvelope> life = accessLife(id, pupil);
        TopicProbe.publish(life.get(2)); // the deadline topic runs ahead of the request topic
        life.forEach(TopicProbe::publish);
        TopicProbe.publish(life.get(3)); // redelivered
        awaitEntry(id, life.size());
        given().header("Authorization", OFFICER).get("/register/" + id).then().statusCode(200)
                .body("schoolBrin", is("12AB")).body("kind", is("PARENT_ACCESS")).body("pupilRef", is(pupil))
                .body("requesterCategory", is("GUARDIAN"))
                .body("dueOn", is("2026-12-30")).body("extensions[0].number", is(1))
                .body("extensions[0].reason", is("Extern dossier, \"gedeeltelijk\""))
                .body("extensions[0].approvedBy", is("privacy-officer@board"))
                .body("shares[0].channel", is("SECURE_MAIL")).body("shares[0].sharedBy", is("director@12AB"))
                .body("status", is("CLOSED")).body("closedOn", is("2026-12-02")).body("outcome", is("SHARED"))
                .body("metWithinTerm", is(true)).body("consentRequirement", is("NONE"))
                .body("timeline.type", contains("RequestReceived", "ConsentRequirementDetermined", "DeadlineSet",
                        "DeadlineExtended", "DossierReviewed", "InformationShared", "DeadlineMet", "RequestClosed"))
                .body("timeline[3].actor", is("privacy-officer@board"));
        given().header("Authorization", OFFICER).get("/register/pupils/" + pupil).then().statusCode(200)
                .body("count", is(1));
    }

    static List<Integer> novemberFigures() {
        JsonPath stats = given().header("Authorization", OFFICER)
                .get("/register/statistics?school=12AB&from=2026-11-01&to=2026-11-30").then().statusCode(200)
                .extract().jsonPath();
        if (stats.getList("months").isEmpty()) {
            return List.of(0, 0, 0, 0);
        }
        assertEquals(List.of("2026-11"), stats.getList("months.month"));
        return List.of(stats.getInt("months[0].received"), stats.getInt("months[0].withTerm"),
                stats.getInt("months[0].answered"), stats.getInt("months[0].withinTerm"));
    }

    @Test
    void statisticsCountAReceivedAnsweredRequestInItsSchoolAndMonth_andKeepOtherSchoolsOut() {
        List<Integer> before = novemberFigures();
        UUID id = UUID.randomUUID();
        List<EventEnvelope> life = accessLife(id, "P-" + id.toString().substring(0, 8));
        life.forEach(TopicProbe::publish);
        awaitEntry(id, life.size());
        List<Integer> after = novemberFigures();
        assertEquals(List.of(before.get(0) + 1, before.get(1) + 1, before.get(2) + 1, before.get(3) + 1), after,
                "received, with a term, answered, answered within the term");
        given().header("Authorization", Tokens.bearer("DIRECTOR", "34CD")).get("/register/statistics").then()
                .statusCode(200).body("months.schoolBrin", everyItem(is("34CD")));
        given().header("Authorization", Tokens.bearer("ADMIN_STAFF", "12AB")).get("/register/statistics").then()
                .statusCode(403);
    }

    @Test
    void eventsArrivingInAnyTopicOrderGiveTheSameEntry() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<EventEnvelope> lifeA = consentLife(a);
        List<EventEnvelope> lifeB = new ArrayList<>(consentLife(b));
        Collections.reverse(lifeB);
        lifeA.forEach(TopicProbe::publish);
        lifeB.forEach(TopicProbe::publish);
        Map<String, Object> entryA = withoutIds(awaitEntry(a, lifeA.size()).getMap(""));
        Map<String, Object> entryB = withoutIds(awaitEntry(b, lifeB.size()).getMap(""));
        assertEquals(entryA, entryB);
        assertEquals(false, entryA.get("consentSatisfied"), "the withdrawal came last in time");
        assertEquals(2, ((List<?>) entryA.get("consents")).size(), "the grant and the withdrawal");
    }

    static List<EventEnvelope> consentLife(UUID id) {
        return List.of(
                new EventEnvelope(UUID.randomUUID(), T, received(id, "P-ORDER", RequestKind.THIRD_PARTY)),
                new EventEnvelope(UUID.randomUUID(), T.plusSeconds(5), new ConsentRequirementDetermined(id,
                        "consent-service", ConsentRequirement.ONE_WITH_AUTHORITY, List.of("g1"))),
                new EventEnvelope(UUID.randomUUID(), T.plusSeconds(10), new ConsentGranted(id, "kc@12AB", "g1",
                        ConsentEvidence.SIGNATURE, "scan-7")),
                new EventEnvelope(UUID.randomUUID(), T.plusSeconds(10).plusMillis(1),
                        new ConsentSatisfied(id, "consent-service", false)),
                new EventEnvelope(UUID.randomUUID(), T.plusSeconds(20), new InformationShared(id, "kc@12AB",
                        ShareChannel.SECURE_MAIL, LocalDate.of(2026, 11, 3), List.of(), null)),
                new EventEnvelope(UUID.randomUUID(), T.plusSeconds(30), new ConsentWithdrawn(id, "kc@12AB", "g1")),
                new EventEnvelope(UUID.randomUUID(), T.plusSeconds(30).plusMillis(1),
                        new ConsentLapsed(id, "consent-service", "g1")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutIds(Map<String, Object> entry) {
        Map<String, Object> copy = new java.util.HashMap<>(entry);
        copy.remove("requestId");
        return copy;
    }

    @Test
    void csvExportParsesBack_withQuotesAndDutchCharacters() throws Exception {
        UUID id = UUID.randomUUID();
        TopicProbe.publish(new EventEnvelope(UUID.randomUUID(), T, received(id, "P-ëé", RequestKind.PARENT_ACCESS)));
        TopicProbe.publish(new EventEnvelope(UUID.randomUUID(), T.plusSeconds(5), new RequestRefused(id,
                "director@12AB", false, "Veiligheid, \"ernstige\" zorgen; overleg met aandachtsfunctionaris — ë",
                List.of(Consultation.QUALITY_OFFICER, Consultation.SAFEGUARDING_OFFICER))));
        awaitEntry(id, 2);
        byte[] bytes = given().header("Authorization", OFFICER).accept("text/csv").get("/register/export").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a byte-order mark, so spreadsheets read UTF-8");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1)))) {
            assertEquals(List.of("requestId", "schoolBrin", "kind", "requesterCategory", "pupilRef", "receivedOn",
                    "status", "outcome", "dueOn", "extensions", "consentRequirement", "consentSatisfied", "shares",
                    "refusalReason", "closedOn", "metWithinTerm"), parser.getHeaderNames(), "the CSV's columns");
            CSVRecord row = parser.getRecords().stream().filter(r -> r.get("requestId").equals(id.toString()))
                    .findFirst().orElseThrow();
            assertEquals("P-ëé", row.get("pupilRef"));
            assertEquals("REFUSED", row.get("status"));
            assertEquals("Veiligheid, \"ernstige\" zorgen; overleg met aandachtsfunctionaris — ë",
                    row.get("refusalReason"));
        }
    }

    @Test
    void eventsFromNewerProducers_withFieldsThisVersionDoesNotKnow_areFoldedIntoTheRegister() {
        UUID id = UUID.randomUUID();
        String pupil = "P-" + id.toString().substring(0, 8);
        List<EventEnvelope> life = accessLife(id, pupil);
        life.forEach(TopicProbe::publishFromANewerVersion);
        awaitEntry(id, life.size());
        given().header("Authorization", OFFICER).get("/register/" + id).then().statusCode(200)
                .body("pupilRef", is(pupil)).body("dueOn", is("2026-12-30")).body("status", is("CLOSED"));
    }

    @Test
    void csvExportNeutralisesEveryCellASpreadsheetWouldReadAsAFormula() throws Exception {
        List<String> formulas = List.of("=HYPERLINK(\"https://evil.example\",\"klik\")", "+1+1", "-1+1", "@SUM(A1)",
                "\tP-1", "\rP-1");
        Map<UUID, String> ids = new java.util.LinkedHashMap<>();
        for (String formula : formulas) {
            UUID id = UUID.randomUUID();
            ids.put(id, formula);
            TopicProbe.publish(new EventEnvelope(UUID.randomUUID(), T, received(id, formula, RequestKind.THIRD_PARTY)));
            TopicProbe.publish(new EventEnvelope(UUID.randomUUID(), T.plusSeconds(5), new RequestRefused(id,
                    "director@12AB", false, formula, List.of(Consultation.QUALITY_OFFICER))));
        }
        ids.keySet().forEach(id -> awaitEntry(id, 2));
        String text = given().header("Authorization", OFFICER).accept("text/csv").get("/register/export").then()
                .statusCode(200).extract().asString();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1)))) {
            Map<String, CSVRecord> rows = new java.util.HashMap<>();
            parser.forEach(r -> rows.put(r.get("requestId"), r));
            ids.forEach((id, formula) -> {
                assertEquals("'" + formula, rows.get(id.toString()).get("pupilRef"), "pupil reference " + formula);
                assertEquals("'" + formula, rows.get(id.toString()).get("refusalReason"), "reason " + formula);
            });
        }
        assertEquals("P-1", nl.pupildata.register.persistence.CsvCells.safe("P-1"), "ordinary text is unchanged");
    }

    @Test
    void theYearlyAccount_asJsonCsvAndPdf_forTheChosenSchoolYear() throws Exception {
        String pupil = "P-account-" + UUID.randomUUID().toString().substring(0, 8);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        accessLife(first, pupil).forEach(TopicProbe::publish);
        TopicProbe.publish(new EventEnvelope(UUID.randomUUID(), T, received(second, pupil, RequestKind.THIRD_PARTY)));
        TopicProbe.publish(new EventEnvelope(UUID.randomUUID(), T.plusSeconds(5), new RequestRefused(second,
                "director@12AB", true, "deels", List.of(Consultation.QUALITY_OFFICER))));
        awaitEntry(first, accessLife(first, pupil).size());
        awaitEntry(second, 2);

        JsonPath json = given().header("Authorization", OFFICER).get("/register/account?year=2026-2027").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("2026-2027", json.getString("schoolYear"));
        assertEquals("2026-08-01", json.getString("account.firstDay"));
        assertTrue(json.getBoolean("account.boardWide"));
        assertEquals(2, json.getInt("account.total.pupils.find { it.pupilRef == '" + pupil + "' }.requests"),
                "PA-5: this dossier was requested twice");
        assertTrue(json.getInt("account.total.refusals.find { it.rule == 'G-11' }.partial") >= 1);
        assertTrue(json.getInt("account.total.extensions.requestsExtended") >= 1);
        assertTrue(json.getList("schoolYears").contains("2026-2027"));
        given().header("Authorization", OFFICER).get("/register/account?year=2026-2028").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("violations[0].field", is("year"));
        given().header("Authorization", OFFICER).get("/register/account?year=2025-2026").then().statusCode(200)
                .body("account.total.pupils.pupilRef", not(hasItem(pupil)));
        given().header("Authorization", Tokens.bearer("DIRECTOR", "99ZZ")).get("/register/account?year=2026-2027")
                .then().statusCode(200).body("account.total.received", is(0)).body("account.boardWide", is(false));
        given().header("Authorization", Tokens.bearer("ADMIN_STAFF", "12AB")).get("/register/account/pdf").then()
                .statusCode(403);

        String csv = given().header("Authorization", OFFICER).get("/register/account/csv?year=2026-2027").then()
                .statusCode(200).header("Content-Disposition", containsString("jaarverantwoording")).extract()
                .asString();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1)))) {
            assertEquals(List.of("school_year", "school", "measure", "kind", "detail", "value"),
                    parser.getHeaderNames());
            List<CSVRecord> rows = parser.getRecords();
            assertTrue(rows.stream().anyMatch(r -> r.get("school").isEmpty() && r.get("measure").equals(
                    "dossier_requests") && r.get("detail").equals(pupil) && r.get("value").equals("2")), csv);
            assertTrue(rows.stream().anyMatch(r -> r.get("school").equals("12AB") && r.get("measure").equals(
                    "requests_by_outcome") && r.get("kind").equals("PARENT_ACCESS") && r.get("detail").equals("SHARED")
                    && Integer.parseInt(r.get("value")) >= 1));
        }

        byte[] pdf = given().header("Authorization", OFFICER).get("/register/account/pdf?year=2026-2027").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document);
            assertTrue(text.contains("Jaarverantwoording opvragen leerlinggegevens"), text);
            assertTrue(text.contains("schooljaar 2026-2027"), text);
            assertTrue(text.contains("1 augustus 2026 tot en met 31 juli 2027"), text);
            assertTrue(text.contains("Inzage door ouder"), "kinds in Dutch: " + text);
            assertTrue(text.contains("G-11"), "refusals by rule: " + text);
            assertTrue(text.contains(pupil + ": 2×"), "every dossier with its count: " + text);
        }
    }

    /**
     * Issue 19: once a request's personal data is erased the register forgets its key, rewrites its timeline with the
     * sealed values erased and shows them as erased — keeping counts and dates; a replay (below) reads the same.
     */
    @Test
    void anErasedRequestShowsItsValuesAsErased_andItsTimelineNoLongerHoldsThem() {
        UUID id = UUID.randomUUID();
        String pupil = "P-ERASED-" + id.toString().substring(0, 8);
        eraseAfterItsLife(id, pupil);
        given().header("Authorization", OFFICER).get("/register/" + id).then().statusCode(200)
                .body("pupilRef", is(ValueSeal.ERASED)).body("extensions[0].reason", is(ValueSeal.ERASED))
                .body("extensions[0].number", is(1)).body("dueOn", is("2026-12-30")).body("status", is("CLOSED"))
                .body("closedOn", is("2026-12-02"));
        assertEquals(List.of(0L), Sql.query("select count(*) from register_timeline where request_id = '" + id
                + "' and (payload like '%" + pupil + "%' or payload like '%Extern dossier%' or payload like '%\"g1\"%')",
                r -> r.getLong(1)));
        assertEquals(List.of(0L), Sql.query("select count(*) from register_entry where pupil_ref = '" + pupil + "'",
                r -> r.getLong(1)));
        assertEquals(List.of(1L), Sql.query("select count(*) from request_key where request_id = '" + id
                + "' and secret is null", r -> r.getLong(1)), "the register's copy of the key is gone");

        // An event of another topic whose value was opened while the erasure was being applied (here: a plain one)
        // is stored erased all the same.
        EventEnvelope late = new EventEnvelope(UUID.randomUUID(), T.plusSeconds(300), new DeadlineExtended(id,
                "privacy-officer@board", 2, LocalDate.of(2027, 1, 30), "Laat nog een reden", LocalDate.of(2026, 12, 3)));
        TopicProbe.send(late.topic().topicName(), id.toString(), EventJson.toJson(late.event()),
                CloudEventHeaders.toHeaders(late));
        awaitEntry(id, 10);
        assertEquals(List.of(0L), Sql.query("select count(*) from register_timeline where request_id = '" + id
                + "' and payload like '%Laat nog%'", r -> r.getLong(1)));
    }

    static void eraseAfterItsLife(UUID id, String pupil) {
        accessLife(id, pupil).forEach(TopicProbe::publish);
        TopicProbe.publish(new EventEnvelope(UUID.randomUUID(), T.plusSeconds(240),
                new PersonalDataErased(id, "request-service", LocalDate.of(2028, 12, 2))));
        awaitEntry(id, 9);
    }

    @Test
    void replayRebuildsEveryEntryEqualToTheLiveOne() {
        UUID id = UUID.randomUUID();
        List<EventEnvelope> life = accessLife(id, "P-REPLAY");
        life.forEach(TopicProbe::publish);
        awaitEntry(id, 8);
        eraseAfterItsLife(UUID.randomUUID(), "P-REPLAY-ERASED"); // read as erased by the replay: the key is gone
        Map<String, Object> before = everything();
        // As if the register's database were restored without its keys: the replay learns them from the key topic.
        Sql.execute("delete from request_key");
        given().header("Authorization", Tokens.bearer("PRIVACY_OFFICER")).post("/register/replay").then()
                .statusCode(403);
        given().header("Authorization", OFFICER).post("/register/replay").then().statusCode(202)
                .body("state", is("REBUILDING"));
        Await.until("the replay has finished", Duration.ofSeconds(120), () -> "IDLE".equals(
                given().header("Authorization", OFFICER).get("/register/replay").then().extract().path("state")));
        Map<String, Object> after = everything();
        assertEquals(before.keySet(), after.keySet());
        assertEquals(before, after);
        given().header("Authorization", OFFICER).get("/register").then().body("rebuilding", is(false));

        // The replay wrote the timelines, not the live consumer's record of what it applied: an event that reaches
        // the live consumer again (a republish) finds its line there, is skipped, and does not hold up the next one
        // on its partition.
        TopicProbe.publish(life.get(3));
        TopicProbe.publish(new EventEnvelope(UUID.randomUUID(), T.plusSeconds(600), new DeadlineExtended(id,
                "privacy-officer@board", 2, LocalDate.of(2027, 1, 30), "Na de replay", LocalDate.of(2026, 12, 1))));
        awaitEntry(id, 9);
    }

    /**
     * A replay empties the projection while live consumers write it, each a timeline line and then the entry. Emptying
     * takes the tables in that order too: a live transaction holding the timeline finishes, and the replay then goes on
     * (in the other order, PostgreSQL found a deadlock and the replay failed; seen in LocalRunDurabilityTest).
     */
    @Test
    void aReplayStartedWhileALiveWriteIsOpen_waitsForIt_andEnds() throws Exception {
        try (Connection live = Sql.connect(); Statement s = live.createStatement()) {
            live.setAutoCommit(false);
            s.execute("lock table register_timeline in row exclusive mode"); // as a live insert of a line
            given().header("Authorization", OFFICER).post("/register/replay").then().statusCode(202);
            Await.until("the replay waits for the live write", WAIT, () -> !Sql.query("select 1 from pg_locks"
                    + " where not granted and mode = 'AccessExclusiveLock'", r -> 1).isEmpty());
            s.execute("lock table register_entry in row exclusive mode"); // as its entry's upsert
            live.commit();
        }
        Await.until("the replay has ended", Duration.ofSeconds(120), () -> !"REBUILDING".equals(
                given().header("Authorization", OFFICER).get("/register/replay").then().extract().path("state")));
        given().header("Authorization", OFFICER).get("/register/replay").then().body("state", is("IDLE"))
                .body("error", nullValue());
    }

    @Inject
    ReplayBatch replayBatch;

    /**
     * The replay's first pass writes a batch with COPY; a batch holding an event the timeline has already (the live
     * consumer applied it during the replay, or the topics hold it twice) falls back to an insert that skips it.
     */
    @Test
    void aReplayBatchWithEventsTheTimelineHasAlready_addsOnlyTheNewOnes() throws Exception {
        UUID id = UUID.randomUUID();
        List<EventEnvelope> life = accessLife(id, "P-BATCH");
        List<ConsumerRecord<String, String>> records = appliedLive(id, life);
        Sql.execute("delete from register_timeline where event_id = '" + life.get(4).eventId() + "'");
        ConsumerRecords<String, String> batch = new ConsumerRecords<>(Map.of(new TopicPartition("replay-test", 0),
                records), Map.of());
        assertEquals(1, replayBatch.addToTimelines(batch, new KeptTimelines(100)));
        assertEquals(0, replayBatch.addToTimelines(batch, new KeptTimelines(100)));
        assertEquals(List.of((long) life.size()), Sql.query("select count(*) from register_timeline"
                + " where request_id = '" + id + "'", r -> r.getLong(1)));
    }

    /**
     * The replay's second pass folds a request from the events its first pass kept only when they are the whole stored
     * timeline. Here the kept events lack the closing one (as if the live consumer had applied it, or it lay in another
     * partition group): folded from them, the entry would not be closed; the fold reads the stored lines instead.
     */
    @Test
    void theReplayFoldsTheEventsItKeptOnlyWhenTheyAreTheWholeTimeline() throws Exception {
        UUID id = UUID.randomUUID();
        List<EventEnvelope> life = accessLife(id, "P-KEPT");
        List<ConsumerRecord<String, String>> records = appliedLive(id, life);
        String live = storedEntry(id);
        assertTrue(live.contains("\"status\":\"CLOSED\""), live);
        String closing = life.getLast().eventId().toString();
        List<ConsumerRecord<String, String>> withoutClosing = records.stream().filter(r -> !closing.equals(
                new String(r.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8))).toList();
        assertEquals(life.size() - 1, withoutClosing.size());

        for (List<ConsumerRecord<String, String>> kept : List.of(records, withoutClosing)) {
            KeptTimelines timelines = new KeptTimelines(100);
            assertEquals(0, replayBatch.addToTimelines(new ConsumerRecords<>(Map.of(new TopicPartition("replay-test",
                    0), kept), Map.of()), timelines), "the live consumer wrote every line already");
            assertEquals(List.of(id), timelines.requests());
            Sql.execute("delete from register_entry where request_id = '" + id + "'");
            replayBatch.foldEntries(List.of(id), timelines);
            assertEquals(live, storedEntry(id), kept.size() + " events kept");
        }
    }

    /** The life published and applied by the live consumer; its records as they are on the topics. */
    static List<ConsumerRecord<String, String>> appliedLive(UUID id, List<EventEnvelope> life) {
        life.forEach(TopicProbe::publish);
        awaitEntry(id, life.size());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            records.addAll(TopicProbe.recordsOf(topic.topicName(), id, (int) life.stream()
                    .filter(e -> e.type().topic() == topic).count(), WAIT));
        }
        assertEquals(life.size(), records.size());
        return records;
    }

    /** The entry as the register stores it, every column (GET /register/{id} folds its timeline when asked). */
    static String storedEntry(UUID id) {
        List<String> rows = Sql.query("select row_to_json(e)::text from register_entry e where request_id = '" + id
                + "'", r -> r.getString(1));
        assertEquals(1, rows.size(), "the entry of " + id);
        return rows.getFirst();
    }

    /** Every entry, with its details and timeline and as stored, by request id. */
    static Map<String, Object> everything() {
        List<String> ids = given().header("Authorization", OFFICER).get("/register?size=500").then().statusCode(200)
                .extract().jsonPath().getList("entries.requestId");
        Map<String, Object> all = new java.util.TreeMap<>();
        for (String id : ids) {
            Map<String, Object> details = given().header("Authorization", OFFICER).get("/register/" + id).then()
                    .statusCode(200).extract().jsonPath().getMap("");
            details.remove("rebuilding");
            all.put(id, List.of(details, storedEntry(UUID.fromString(id))));
        }
        assertFalse(all.isEmpty());
        return all;
    }

    @Test
    void accessIsLimitedToBoardRolesAndTheirOwnSchools_andLagIsReported() {
        UUID id = UUID.randomUUID();
        TopicProbe.publish(new EventEnvelope(UUID.randomUUID(), T, received(id, "P-ACCESS", RequestKind.PARENT_ACCESS)));
        awaitEntry(id, 1);
        given().header("Authorization", Tokens.bearer("DIRECTOR", "12AB")).get("/register?school=12AB").then()
                .statusCode(200).body("entries.requestId", hasItem(id.toString()));
        given().header("Authorization", Tokens.bearer("DIRECTOR", "99ZZ")).get("/register").then()
                .statusCode(200).body("entries.requestId", not(hasItem(id.toString())));
        given().header("Authorization", Tokens.bearer("DIRECTOR", "99ZZ")).get("/register/" + id).then()
                .statusCode(404); // as if it did not exist: no oracle
        given().header("Authorization", Tokens.bearer("ADMIN_STAFF", "12AB")).get("/register/" + id).then()
                .statusCode(403);
        given().header("Authorization", Tokens.bearer("SAFEGUARDING_OFFICER", "12AB")).get("/register").then()
                .statusCode(403);
        given().get("/register").then().statusCode(401);
        Await.until("consumer lag is measured", WAIT, () -> given().get(metricsUrl).asString()
                .contains("pupil_data_consumer_lag{partition=\"0\",topic=\"pupil-data.requests\"}"));
        given().get(readyUrl).then().statusCode(200)
                .body("checks.find { it.name.startsWith('Consumer lag') }.data.'pupil-data.requests'", notNullValue());
    }
}
