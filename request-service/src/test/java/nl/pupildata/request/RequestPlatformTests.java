package nl.pupildata.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import nl.pupildata.events.*;
import nl.pupildata.infra.Await;
import nl.pupildata.platform.eventstore.EventStore;
import nl.pupildata.platform.problem.ConcurrencyConflictException;
import nl.pupildata.testinfra.OnVertx;
import nl.pupildata.testinfra.RealInfrastructure;
import nl.pupildata.testinfra.Sql;
import nl.pupildata.testinfra.TestTokens;
import nl.pupildata.testinfra.Tokens;
import nl.pupildata.testinfra.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The platform's guarantees, proven through request-service against the real broker and database. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RequestPlatformTests {
    @TestHTTPResource(value = "/health/ready", management = true)
    URL readyUrl;

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String DIRECTOR = Tokens.bearer("DIRECTOR", "12AB");

    @Inject
    EventStore store;

    static String parentAccessBody(LocalDate receivedOn) {
        return """
                {"kind":"PARENT_ACCESS","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"EMAIL",
                 "pupil":{"ref":"P-1001","name":"Sam de Vries","dateOfBirth":"2017-03-01","group":4},
                 "guardians":[{"id":"g1","name":"Anna de Vries","email":"anna@example.nl","hasAuthority":true},
                              {"id":"g2","name":"Bram de Vries","email":"bram@example.nl","hasAuthority":true}],
                 "guardiansLivingApart":true,"requester":{"guardianId":"g1"},"accessMode":"PDF_BY_SECURE_MAIL"}
                """.formatted(receivedOn);
    }

    static UUID intake(String body) {
        String id = given().header("Authorization", DIRECTOR).contentType(ContentType.JSON).body(body)
                .when().post("/requests")
                .then().statusCode(201).header("Location", containsString("/requests/"))
                .body("status", is("RECEIVED")).extract().path("id");
        return UUID.fromString(id);
    }

    @Test
    void anAcceptedIntakeIsPublishedWithCloudEventsHeadersKeyAndTheSnapshotShape() {
        UUID id = intake(parentAccessBody(LocalDate.now().minusDays(2)));
        List<ConsumerRecord<String, String>> records = TopicProbe.recordsOf(Topic.REQUESTS.topicName(), id, 1, WAIT);
        assertEquals(1, records.size(), "RequestReceived on the topic");
        ConsumerRecord<String, String> record = records.get(0);
        Map<String, String> headers = TopicProbe.headers(record);
        assertEquals(id.toString(), record.key());
        assertEquals("1.0", headers.get("ce_specversion"));
        assertEquals("request-service", headers.get("ce_source"));
        assertEquals("RequestReceived", headers.get("ce_type"));
        assertEquals(id.toString(), headers.get("ce_subject"));
        assertDoesNotThrow(() -> UUID.fromString(headers.get("ce_id")));
        assertDoesNotThrow(() -> Instant.parse(headers.get("ce_time")));
        assertFalse(headers.containsValue(null));
        // The payload is exactly the contract's JSON (the form the event-contracts snapshot pins).
        EventEnvelope envelope = TopicProbe.envelope(record);
        assertEquals(EventJson.toJson(envelope.event(), TopicProbe.sealOf(id)), record.value());
        assertFalse(record.value().contains("P-1001"), "the pupil reference is sealed with the request's key");
        assertTrue(record.value().startsWith("{\"schemaVersion\":1,\"requestId\":\"" + id + "\""));
        // No personal details on Kafka.
        for (String personal : List.of("Sam de Vries", "Anna", "anna@example.nl", "2017-03-01")) {
            assertFalse(record.value().contains(personal), personal + " leaked onto Kafka");
        }
        RequestReceived received = (RequestReceived) envelope.event();
        assertEquals("director@12AB", received.actor());
    }

    @Test
    void pa1_aRefusedIntakeListsEveryMissingFieldAndChangesNothing() {
        long eventsBefore = count("select count(*) from event_store");
        given().header("Authorization", DIRECTOR).contentType(ContentType.JSON)
                .body("""
                        {"kind":"PARENT_ACCESS","schoolBrin":"12AB","receivedOn":"2026-11-02","receivedVia":"EMAIL",
                         "pupil":{"ref":"P-9"},"guardians":[{"id":"g1","hasAuthority":true}],"guardiansLivingApart":false,
                         "requester":{"guardianId":"g1"}}""")
                .when().post("/requests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("rule", is("PA-1"))
                .body("violations.field", hasItems("pupil.name", "pupil.dateOfBirth", "guardian.name",
                        "guardian.email", "accessMode"));
        assertEquals(eventsBefore, count("select count(*) from event_store"));
    }

    @Test
    void swv4_aBsnIsRefusedAndNotEchoed() {
        String body = """
                {"kind":"SUPPORT_FILE","schoolBrin":"12AB","receivedOn":"2026-11-02","receivedVia":"IN_PERSON",
                 "pupil":{"ref":"P-7","name":"Lin","dateOfBirth":"2016-05-05","group":6},
                 "guardians":[{"id":"g1","name":"Anna","email":"anna@example.nl","hasAuthority":true}],
                 "guardiansLivingApart":false,"fields":{"hulpvraag":"bsn 111222333, leest traag"}}""";
        String response = given().header("Authorization", DIRECTOR).contentType(ContentType.JSON).body(body)
                .when().post("/requests")
                .then().statusCode(422).body("rule", is("SWV-4")).body("violations[0].field", is("fields.hulpvraag"))
                .extract().asString();
        assertFalse(response.contains("111222333"));
    }

    @Test
    void everyRequestWithoutAValidTokenOrSchoolIsRefused() {
        String body = parentAccessBody(LocalDate.now().minusDays(1));
        given().contentType(ContentType.JSON).body(body).when().post("/requests").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().header("Authorization", Tokens.expired("DIRECTOR", "12AB")).contentType(ContentType.JSON).body(body)
                .when().post("/requests").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Tokens.wronglySigned("DIRECTOR", "12AB")).contentType(ContentType.JSON)
                .body(body).when().post("/requests").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer not-a-jwt").when().get("/requests").then().statusCode(401);
        given().header("Authorization", Tokens.bearer("DIRECTOR", "99ZZ")).contentType(ContentType.JSON).body(body)
                .when().post("/requests").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("PRIVACY_OFFICER")).contentType(ContentType.JSON).body(body)
                .when().post("/requests").then().statusCode(403).contentType("application/problem+json")
                .body("status", is(403));
        given().when().get(readyUrl).then().statusCode(200);
    }

    /**
     * Only the configured issuer's tokens, for this API's audience, signed with its key, not expired and not older than
     * the maximum age: every other token is answered 401 as a problem, and nothing is registered.
     */
    @Test
    void tokensOfAnotherIssuerOrAudience_expired_tooOld_unsigned_orWronglySigned_areRefused401() {
        String body = parentAccessBody(LocalDate.now().minusDays(1));
        List<String> user = List.of("12AB");
        Map<String, String> refused = Map.of(
                "another issuer", TestTokens.otherIssuer("DIRECTOR", "d@12AB", user),
                "another audience", TestTokens.otherAudience("DIRECTOR", "d@12AB", user),
                "expired", TestTokens.expired("DIRECTOR", "d@12AB", user),
                "older than the maximum age", TestTokens.tooOld("DIRECTOR", "d@12AB", user),
                "alg none", TestTokens.unsigned("DIRECTOR", "d@12AB", user),
                "signed by another key", TestTokens.wronglySigned("DIRECTOR", "d@12AB", user));
        long before = count("select count(*) from event_store");
        refused.forEach((why, token) -> given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON).body(body).when().post("/requests").then()
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("status", is(401)));
        assertEquals(before, count("select count(*) from event_store"), "nothing registered");
        given().header("Authorization", "Bearer " + TestTokens.token("DIRECTOR", "d@12AB", user))
                .contentType(ContentType.JSON).body(body).when().post("/requests").then().statusCode(201);
    }

    @Test
    void hardening_securityHeaders_noStackTraces_andBoundedBodies() {
        given().header("Authorization", DIRECTOR).when().get("/requests").then().statusCode(200)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");
        String broken = given().header("Authorization", DIRECTOR).contentType(ContentType.JSON)
                .body("{\"kind\":\"PARENT_ACCESS\",\"receivedOn\":\"not a date\"").when().post("/requests")
                .then().statusCode(400).contentType("application/problem+json").extract().asString();
        assertFalse(broken.contains("Exception") || broken.contains("\tat "), "no stack trace: " + broken);
        String huge = "{\"kind\":\"SUPPORT_FILE\",\"fields\":{\"x\":\"" + "a".repeat(300_000) + "\"}}";
        given().header("Authorization", DIRECTOR).contentType(ContentType.JSON).body(huge)
                .when().post("/requests").then().statusCode(413).contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.is(413))
                .body("detail", org.hamcrest.Matchers.containsString("256 KB"));
    }

    @Test
    void everyReadIsRecorded_whoWhatAndWhen_neverItsContent_andOnlyThePrivacyOfficerReadsTheRecord() {
        UUID id = intake(parentAccessBody(LocalDate.now().minusDays(1)));
        given().header("Authorization", Tokens.bearerAs("reader-7", "DIRECTOR", "12AB")).get("/requests/" + id)
                .then().statusCode(200);
        given().header("Authorization", Tokens.bearerAs("stranger-7", "DIRECTOR", "99ZZ")).get("/requests/" + id)
                .then().statusCode(404);
        given().header("Authorization", Tokens.bearerAs("reader-7", "DIRECTOR", "12AB"))
                .get("/requests?kind=PARENT_ACCESS&status=RECEIVED").then().statusCode(200);
        given().get("/requests/" + id).then().statusCode(401);

        String privacy = Tokens.bearerAs("privacy-7", "PRIVACY_OFFICER");
        List<Map<String, Object>> reads = given().header("Authorization", privacy).get("/audit/reads?path=" + id)
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(List.of("stranger-7:404", "reader-7:200"), reads.stream()
                .map(r -> r.get("actor") + ":" + r.get("status")).toList(), "newest first; nobody anonymous");
        assertEquals("DIRECTOR", reads.get(1).get("roles"));
        assertEquals("/requests/" + id, reads.get(1).get("path"));
        assertNotNull(reads.get(1).get("at"));
        List<Map<String, Object>> byReader = given().header("Authorization", privacy)
                .get("/audit/reads?actor=reader-7").then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(byReader.stream().anyMatch(r -> "kind=PARENT_ACCESS&status=RECEIVED".equals(r.get("query"))),
                byReader.toString());
        assertFalse(byReader.toString().contains("Sam"), "no content: " + byReader);
        given().header("Authorization", DIRECTOR).get("/audit/reads").then().statusCode(403);
        List<Map<String, Object>> ofTheRecord = given().header("Authorization", privacy)
                .get("/audit/reads?path=/audit/reads&actor=privacy-7").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertFalse(ofTheRecord.isEmpty(), "reading the record is recorded too");
        given().header("Authorization", privacy).get("/audit/reads?limit=0").then().statusCode(400);
    }

    @Inject
    nl.pupildata.platform.audit.ReadAuditRetention readAuditRetention;

    @Test
    void theRecordOfReadsIsKeptForItsPeriod_thenDeleted() {
        Sql.query("insert into read_audit (at, actor, roles, path, status) values (now() - interval '25 months', "
                + "'old-reader', 'DIRECTOR', '/requests/old', 200), (now() - interval '23 months', 'recent-reader', "
                + "'DIRECTOR', '/requests/recent', 200) returning id", r -> r.getLong(1));
        assertTrue(OnVertx.await(() -> readAuditRetention.forgetBefore(Instant.now())) >= 1);
        assertEquals(List.of(0L), Sql.query("select count(*) from read_audit where actor = 'old-reader'",
                r -> r.getLong(1)), "older than two years: gone");
        assertEquals(List.of(1L), Sql.query("select count(*) from read_audit where actor = 'recent-reader'",
                r -> r.getLong(1)), "within the period: kept");
    }

    @Test
    void consentEventsAreAppliedOnceEvenWhenRedelivered() {
        UUID id = intake(parentAccessBody(LocalDate.now().minusDays(1)));
        EventEnvelope satisfied = EventEnvelope.wrap(new ConsentSatisfied(id, "consent-service", false), Instant.now());
        TopicProbe.publish(satisfied);
        Await.until("consent satisfied is known", WAIT, () -> consentSatisfied(id));
        TopicProbe.publish(EventEnvelope.wrap(new ConsentLapsed(id, "consent-service", "g1"), Instant.now()));
        Await.until("the lapse is known", WAIT, () -> !consentSatisfied(id));
        // The first event again (same ce_id): if it were applied twice, consent would look satisfied again.
        TopicProbe.publish(satisfied);
        EventEnvelope marker = EventEnvelope.wrap(new DeadlineSet(id, "deadline-service", "12AB",
                LocalDate.now().minusDays(1), LocalDate.now().plusWeeks(4)), Instant.now());
        TopicProbe.publish(marker);
        Await.until("a later event is applied", WAIT, () -> dueOn(id) != null);
        assertFalse(consentSatisfied(id), "the redelivered ConsentSatisfied changed nothing");
    }

    @Test
    void eventsFromNewerConsentAndDeadlineServices_withFieldsThisVersionDoesNotKnow_areApplied() {
        UUID id = intake(parentAccessBody(LocalDate.now().minusDays(1)));
        TopicProbe.publishFromANewerVersion(EventEnvelope.wrap(new ConsentSatisfied(id, "consent-service", false),
                Instant.now()));
        LocalDate due = LocalDate.now().plusWeeks(4);
        TopicProbe.publishFromANewerVersion(EventEnvelope.wrap(new DeadlineSet(id, "deadline-service", "12AB",
                LocalDate.now().minusDays(1), due), Instant.now()));
        // Two topics, two consumers: neither is applied before the other, so wait for each.
        Await.until("the deadline is applied", WAIT, () -> due.toString().equals(String.valueOf(dueOn(id))));
        Await.until("the consent is applied", WAIT, () -> consentSatisfied(id));
    }

    private boolean consentSatisfied(UUID id) {
        return given().header("Authorization", DIRECTOR).when().get("/requests/" + id).then().statusCode(200)
                .extract().path("consentSatisfied");
    }

    private String dueOn(UUID id) {
        return given().header("Authorization", DIRECTOR).when().get("/requests/" + id).then().statusCode(200)
                .extract().path("dueOn");
    }

    static long count(String sql) {
        return Sql.query(sql, rs -> rs.getLong(1)).get(0);
    }

    static List<Integer> versions(UUID id) {
        return Sql.query("select version from event_store where stream_id = '" + id + "' order by version",
                rs -> rs.getInt(1));
    }
}
