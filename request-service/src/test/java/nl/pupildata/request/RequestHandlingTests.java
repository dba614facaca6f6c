package nl.pupildata.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.pupildata.events.*;
import nl.pupildata.infra.Await;
import nl.pupildata.testinfra.RealInfrastructure;
import nl.pupildata.testinfra.Sql;
import nl.pupildata.testinfra.Tokens;
import nl.pupildata.testinfra.TopicProbe;
import org.junit.jupiter.api.Test;

/** Handling steps through HTTP, against the real broker and database. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RequestHandlingTests {
    /** Health and metrics are on the management interface (docs/platform.md). */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String DIRECTOR = Tokens.bearer("DIRECTOR", "12AB");
    static final String TODAY = LocalDate.now().toString();
    static final String GUARDIANS = """
            "guardians":[{"id":"g1","name":"Anna de Vries","email":"anna@example.nl","hasAuthority":true,"emailChecked":true},
                         {"id":"g2","name":"Bram de Vries","email":"bram@example.nl","hasAuthority":true,"emailChecked":true}],
            "guardiansLivingApart":true""";
    static final String PUPIL = "\"pupil\":{\"ref\":\"P-2001\",\"name\":\"Sam de Vries\",\"dateOfBirth\":\"2017-03-01\",\"group\":4}";

    static String body(String kind, String via, String extra) {
        return "{\"kind\":\"" + kind + "\",\"schoolBrin\":\"12AB\",\"receivedOn\":\"" + TODAY + "\",\"receivedVia\":\""
                + via + "\"," + PUPIL + "," + GUARDIANS + extra + "}";
    }

    static UUID intake(String body) {
        return UUID.fromString(given().header("Authorization", DIRECTOR).contentType(ContentType.JSON).body(body)
                .when().post("/requests").then().statusCode(201).extract().path("id"));
    }

    static ValidatableResponse step(String token, UUID id, String step, String body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/requests/" + id + "/" + step).then();
    }

    @Test
    void intakeOfEveryKind() {
        List<String> bodies = List.of(
                body("PARENT_ACCESS", "EMAIL", ",\"requester\":{\"guardianId\":\"g1\"},\"accessMode\":\"INSPECTION_AT_SCHOOL\""),
                body("SCHOOL_TRANSFER", "OSO", ",\"receivingSchool\":{\"brin\":\"34CD\",\"name\":\"De Regenboog\"}"),
                body("SECONDARY_TRANSFER", "OSO", ",\"receivingSchool\":{\"brin\":\"56EF\",\"name\":\"Het Lyceum\"},\"warmHandover\":true"),
                body("SUPPORT_FILE", "IN_PERSON", ",\"fields\":{\"hulpvraag\":\"Begrijpend lezen\"}"),
                body("THIRD_PARTY", "EMAIL", ",\"topic\":\"VEILIG_THUIS\",\"requester\":{\"organisation\":\"Veilig Thuis Utrecht\",\"name\":\"J. Jansen\",\"email\":\"j.jansen@veiligthuis-utrecht.nl\"}"),
                body("OUTGOING_INQUIRY", "EMAIL", ",\"organisation\":\"Logopediepraktijk Oost\""),
                body("RESEARCH", "EMAIL", ",\"organisation\":\"Universiteit Utrecht\""));
        for (String b : bodies) {
            UUID id = intake(b);
            given().header("Authorization", DIRECTOR).get("/requests/" + id).then().statusCode(200)
                    .body("status", is("RECEIVED")).body("allowedActions", hasItem("closure"));
        }
        given().header("Authorization", DIRECTOR).get("/requests?kind=THIRD_PARTY").then().statusCode(200)
                .body("complexity", hasItem("COMPLEX"));
    }

    @Test
    void nextStepsOfManyRequestsInOneCallAreTheirFirstBlockers() {
        String access = ",\"requester\":{\"guardianId\":\"g1\"},\"accessMode\":\"PDF_BY_SECURE_MAIL\"";
        UUID first = intake(body("PARENT_ACCESS", "EMAIL", access));
        UUID second = intake(body("SUPPORT_FILE", "IN_PERSON", ",\"fields\":{\"hulpvraag\":\"Rekenen\"}"));
        UUID foreign = UUID.fromString(given().header("Authorization", Tokens.bearer("DIRECTOR", "34CD"))
                .contentType(ContentType.JSON).body(body("PARENT_ACCESS", "EMAIL", access).replace("12AB", "34CD"))
                .post("/requests").then().statusCode(201).extract().path("id"));
        step(DIRECTOR, first, "acknowledgement", "{\"expectedOn\":\"" + LocalDate.now().plusDays(14)
                + "\",\"otherGuardiansMentioned\":true}").statusCode(200);
        String query = "/requests/next-steps?id=" + second + "&id=" + foreign + "&id=" + UUID.randomUUID() + "&id="
                + first;
        // Another school's request and an unknown one are left out, as the list leaves them out; the order is kept.
        given().header("Authorization", DIRECTOR).get(query).then().statusCode(200)
                .body("requestId", contains(second.toString(), first.toString()))
                .body("status", contains("RECEIVED", "IN_PROGRESS"));
        for (UUID id : List.of(first, second)) {
            String expected = given().header("Authorization", DIRECTOR).get("/requests/" + id).then().statusCode(200)
                    .extract().path("blockers[0].rule");
            assertNotNull(expected, "a new request has something to do");
            given().header("Authorization", DIRECTOR).get("/requests/next-steps?id=" + id).then().statusCode(200)
                    .body("[0].next.rule", is(expected)).body("[0].next.message", not(emptyOrNullString()));
        }
        String tooMany = "/requests/next-steps?" + String.join("&", java.util.Collections.nCopies(101, "id=" + first));
        given().header("Authorization", DIRECTOR).get(tooMany).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("id"));
    }

    @Test
    void aRefusedCommandLeavesTheEventStoreAndTheTopicUntouched() {
        UUID id = intake(body("PARENT_ACCESS", "EMAIL",
                ",\"requester\":{\"guardianId\":\"g1\"},\"accessMode\":\"PDF_BY_SECURE_MAIL\""));
        step(DIRECTOR, id, "shares", "{\"channel\":\"SECURE_MAIL\",\"recipient\":\"anna@example.nl\"}")
                .statusCode(422).contentType("application/problem+json").body("rule", is("PA-7"));
        assertEquals(List.of(1), versions(id), "nothing appended after the refusal");
        step(DIRECTOR, id, "acknowledgement", "{\"expectedOn\":\"" + LocalDate.now().plusDays(14)
                + "\",\"otherGuardiansMentioned\":true}").statusCode(200);
        List<String> onTopic = TopicProbe.recordsOf(Topic.REQUESTS.topicName(), id, 2, WAIT).stream()
                .map(r -> TopicProbe.headers(r).get("ce_type")).toList();
        assertEquals(List.of("RequestReceived", "RequestAcknowledged"), onTopic);
        String metrics = given().get(metricsUrl).then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("pupil_data_requests_received_total{kind=\"PARENT_ACCESS\",school=\"12AB\"}"),
                "requests received per kind and school");
        assertTrue(metrics.contains("pupil_data_rules_refused_total{rule=\"PA-7\"}"), "rules refused by id");
        assertTrue(metrics.contains("pupil_data_outbox_backlog"), "outbox backlog");
        // Issue 20: one uri tag per route template, so two endpoints under /requests/{id} are told apart; never an id.
        assertTrue(metrics.contains("uri=\"/requests/{id}/shares\""), "the refused share's own route");
        assertTrue(metrics.contains("uri=\"/requests/{id}/acknowledgement\""), "the acknowledgement's own route");
        assertFalse(metrics.contains("uri=\"/requests/" + id), "a request id as a tag");
    }

    @Test
    void aParentAccessRouteThroughHttp_pa7_pa8_pa9() {
        UUID id = intake(body("PARENT_ACCESS", "EMAIL",
                ",\"requester\":{\"guardianId\":\"g1\"},\"accessMode\":\"PDF_BY_SECURE_MAIL\""));
        given().header("Authorization", DIRECTOR).get("/requests/" + id).then()
                .body("blockers.rule", hasItems("PA-3", "PA-7", "PA-4"))
                .body("pupil.ref", is("P-2001")).body("pupil.name", is("Sam de Vries")).body("pupil.group", is(4))
                .body("pupil", not(hasKey("dateOfBirth"))).body("guardians.id", contains("g1", "g2"))
                .body("guardians[0]", not(hasKey("email")));
        step(Tokens.bearer("ADMIN_STAFF", "12AB"), id, "review",
                "{\"otherPupilsPseudonymised\":true,\"homeSituationChecked\":true}").statusCode(403);
        step(DIRECTOR, id, "review", "{\"otherPupilsPseudonymised\":true,\"homeSituationChecked\":true}")
                .statusCode(200);
        step(DIRECTOR, id, "shares", "{\"channel\":\"SECURE_MAIL\",\"recipient\":\"someone@gmail.com\"}")
                .statusCode(422).body("rule", is("PA-8"));
        step(DIRECTOR, id, "shares", "{\"channel\":\"SECURE_MAIL\",\"recipient\":\"anna@example.nl\"}")
                .statusCode(422).body("rule", is("G-13"))
                .body("violations.field", hasItem("exportedFromPupilAdministration"));
        step(DIRECTOR, id, "shares", "{\"channel\":\"SECURE_MAIL\",\"recipient\":\"anna@example.nl\","
                + "\"exportedFromPupilAdministration\":true}")
                .statusCode(200).body("status", is("ANSWERED")).body("blockers.rule", hasItems("PA-3", "PA-9"));
        step(DIRECTOR, id, "closure", "{}").statusCode(422).body("rule", is("PA-3"));
        step(DIRECTOR, id, "acknowledgement", "{\"expectedOn\":\"" + LocalDate.now() + "\"}").statusCode(422)
                .body("rule", is("PA-3")).body("violations.field", hasItem("otherGuardiansMentioned"));
        step(DIRECTOR, id, "acknowledgement", "{\"expectedOn\":\"" + LocalDate.now()
                + "\",\"otherGuardiansMentioned\":true}").statusCode(200);
        step(DIRECTOR, id, "closure", "{}").statusCode(422).body("rule", is("PA-9"));
        step(DIRECTOR, id, "other-guardian-notices", "{\"guardianId\":\"g2\"}").statusCode(200);
        step(DIRECTOR, id, "closure", "{}").statusCode(200).body("status", is("CLOSED"));
        step(DIRECTOR, id, "statements", "{}").statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aConsentWithdrawalArrivingAsAnEventBlocksTheNextShare() {
        UUID id = intake(body("THIRD_PARTY", "PHONE",
                ",\"topic\":\"SPEECH_THERAPY\",\"requester\":{\"organisation\":\"Logopedie Oost\"}"));
        String share = "{\"channel\":\"SECURE_MAIL\",\"recipient\":\"praktijk\",\"otherPupilsPseudonymised\":true,"
                + "\"exportedFromPupilAdministration\":true}";
        step(DIRECTOR, id, "shares", share).statusCode(422).body("rule", is("G-2"));
        TopicProbe.publish(EventEnvelope.wrap(new ConsentSatisfied(id, "consent-service", false), Instant.now()));
        Await.until("consent is known", WAIT, () -> given().header("Authorization", DIRECTOR).get("/requests/" + id)
                .then().extract().<Boolean>path("consentSatisfied"));
        step(DIRECTOR, id, "shares", share).statusCode(200);
        TopicProbe.publish(EventEnvelope.wrap(new ConsentLapsed(id, "consent-service", "g1"), Instant.now()));
        Await.until("the withdrawal is known", WAIT, () -> !given().header("Authorization", DIRECTOR)
                .get("/requests/" + id).then().extract().<Boolean>path("consentSatisfied"));
        step(DIRECTOR, id, "shares", share).statusCode(422).body("rule", is("G-5"));
        step(DIRECTOR, id, "shares", "{\"channel\":\"PHONE\",\"callbackVerified\":true}").statusCode(422)
                .body("rule", is("G-5"));
    }

    /** G-4: corrected guardians: ids and authority on the topic, names and addresses kept here only. */
    @Test
    void g4_theDirectorCorrectsTheGuardiansAfterIntake_namesStayHere() {
        UUID id = intake(body("THIRD_PARTY", "PHONE",
                ",\"topic\":\"SPEECH_THERAPY\",\"requester\":{\"organisation\":\"Logopedie Oost\"}"));
        String corrected = """
                {"guardians":[{"id":"g1","name":"Anna de Vries","email":"anna@example.nl","hasAuthority":true},
                              {"id":"g2","name":"Bram Bakker","email":"bram.bakker@example.nl","hasAuthority":false}],
                 "guardiansLivingApart":true}""";
        step(Tokens.bearer("ADMIN_STAFF", "12AB"), id, "guardians", corrected).statusCode(403);
        step(DIRECTOR, id, "guardians", corrected).statusCode(200)
                .body("guardians.find { it.id == 'g2' }.name", is("Bram Bakker"))
                .body("guardians.find { it.id == 'g2' }.hasAuthority", is(false));
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records = TopicProbe.recordsOf(
                Topic.REQUESTS.topicName(), id, 2, WAIT);
        String payload = records.get(records.size() - 1).value();
        assertTrue(payload.contains("\"hasAuthority\":false") && !payload.contains("Bakker"), payload);
    }

    /** SWV-5: only the consent of its own for the next school's contact lets the contact be added. */
    @Test
    void swv5_theNextSchoolsContactWaitsForItsOwnConsent_notTheSupportFilesConsent() {
        UUID id = intake(body("SUPPORT_FILE", "IN_PERSON", ",\"fields\":{\"hulpvraag\":\"Begrijpend lezen\"}"));
        TopicProbe.publish(EventEnvelope.wrap(new ConsentSatisfied(id, "consent-service", false), Instant.now()));
        Await.until("consent is known", WAIT, () -> given().header("Authorization", DIRECTOR).get("/requests/" + id)
                .then().extract().<Boolean>path("consentSatisfied"));
        step(DIRECTOR, id, "next-school-contact", "{}").statusCode(422).body("rule", is("SWV-5"));
        TopicProbe.publish(EventEnvelope.wrap(new ConsentSatisfied(id, "consent-service", false,
                nl.pupildata.events.model.ConsentPurpose.NEXT_SCHOOL_CONTACT), Instant.now()));
        Await.until("the contact's consent is known", WAIT, () -> step(DIRECTOR, id, "next-school-contact", "{}")
                .extract().statusCode() == 200);
        given().header("Authorization", DIRECTOR).get("/requests/" + id).then().body("consentSatisfied", is(true));
    }

    /** G-3: request-service learns from consent-service's events who asked for the consent; only they share it. */
    @Test
    void g3_theColleagueWhoAskedForTheConsentShares_anotherOfficeColleagueDoesNot() {
        UUID id = intake(body("THIRD_PARTY", "PHONE",
                ",\"topic\":\"SPEECH_THERAPY\",\"requester\":{\"organisation\":\"Logopedie Oost\"}"));
        TopicProbe.publish(EventEnvelope.wrap(new ConsentRequested(id, "m.jansen@12AB", "g1", "Spraakontwikkeling"),
                Instant.now()));
        TopicProbe.publish(EventEnvelope.wrap(new ConsentSatisfied(id, "consent-service", false), Instant.now()));
        Await.until("consent is known", WAIT, () -> given().header("Authorization", DIRECTOR).get("/requests/" + id)
                .then().extract().<Boolean>path("consentSatisfied"));
        String share = "{\"channel\":\"SECURE_MAIL\",\"recipient\":\"praktijk\",\"otherPupilsPseudonymised\":true,"
                + "\"exportedFromPupilAdministration\":true}";
        step(Tokens.bearerAs("p.devries@12AB", "ADMIN_STAFF", "12AB"), id, "shares", share).statusCode(422)
                .body("rule", is("G-3"));
        step(Tokens.bearerAs("m.jansen@12AB", "ADMIN_STAFF", "12AB"), id, "shares", share).statusCode(200);
    }

    /**
     * G-5 and the lost update: a withdrawal that request-service learns of while a share command is between reading
     * the request's row and writing it must survive that command's commit, so the withdrawn consent keeps blocking
     * the next share. The interleaving is forced: the test holds a lock on the event store that the share's append
     * waits for, lets the ConsentLapsed be applied meanwhile, then lets the share finish.
     */
    @Test
    void g5_aWithdrawalAppliedWhileAShareIsUnderWayIsNotLostWhenTheShareCommits() throws Exception {
        UUID id = intake(body("THIRD_PARTY", "PHONE",
                ",\"topic\":\"SPEECH_THERAPY\",\"requester\":{\"organisation\":\"Logopedie Oost\"}"));
        String share = "{\"channel\":\"SECURE_MAIL\",\"recipient\":\"praktijk\",\"otherPupilsPseudonymised\":true,"
                + "\"exportedFromPupilAdministration\":true}";
        TopicProbe.publish(EventEnvelope.wrap(new ConsentSatisfied(id, "consent-service", false), Instant.now()));
        Await.until("consent is known", WAIT, () -> given().header("Authorization", DIRECTOR).get("/requests/" + id)
                .then().extract().<Boolean>path("consentSatisfied"));
        CompletableFuture<Integer> sharing;
        try (Connection lock = DriverManager.getConnection(
                RealInfrastructure.postgres().jdbcUrl(RealInfrastructure.DATABASE), "postgres", "postgres")) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table event_store in share mode");
            sharing = CompletableFuture.supplyAsync(() -> step(DIRECTOR, id, "shares", share).extract().statusCode());
            Await.until("the share has read the request and waits to append", WAIT, () -> Sql.query(
                    "select count(*) from pg_locks l join pg_class c on c.oid = l.relation"
                            + " where c.relname = 'event_store' and not l.granted", rs -> rs.getInt(1)).get(0) > 0);
            TopicProbe.publish(EventEnvelope.wrap(new ConsentLapsed(id, "consent-service", "g1"), Instant.now()));
            Await.until("the withdrawal is applied", WAIT, () -> Sql.query(
                    "select consent_lapsed from request_view where request_id = '" + id + "'",
                    rs -> rs.getBoolean(1)).get(0));
            lock.commit();
        }
        assertEquals(200, sharing.get(30, TimeUnit.SECONDS), "the share began before the withdrawal was known");
        assertEquals(List.of(true), Sql.query("select consent_lapsed from request_view where request_id = '" + id
                + "'", rs -> rs.getBoolean(1)), "the withdrawal survives the share's commit");
        step(DIRECTOR, id, "shares", share).statusCode(422).body("rule", is("G-5"));
    }

    /** Optimistic concurrency for integrators: the ETag is the stream version; a stale If-Match is refused. */
    @Test
    void aHandlingStepWithAStaleIfMatchIsRefusedWith412AndChangesNothing() {
        UUID id = intake(body("PARENT_ACCESS", "EMAIL",
                ",\"requester\":{\"guardianId\":\"g1\"},\"accessMode\":\"PDF_BY_SECURE_MAIL\""));
        String etag = given().header("Authorization", DIRECTOR).get("/requests/" + id).then().statusCode(200)
                .header("ETag", is("\"1\"")).extract().header("ETag");
        String acknowledge = "{\"expectedOn\":\"" + LocalDate.now().plusDays(7) + "\",\"otherGuardiansMentioned\":true}";
        given().header("Authorization", DIRECTOR).header("If-Match", etag).contentType(ContentType.JSON)
                .body(acknowledge).post("/requests/" + id + "/acknowledgement").then().statusCode(200)
                .header("ETag", is("\"2\""));
        given().header("Authorization", DIRECTOR).header("If-Match", etag).contentType(ContentType.JSON)
                .body(acknowledge).post("/requests/" + id + "/acknowledgement").then().statusCode(412)
                .contentType("application/problem+json").body("status", is(412));
        assertEquals(List.of(1, 2), versions(id), "nothing appended after the 412");
        given().header("Authorization", DIRECTOR).header("If-Match", "nonsense").contentType(ContentType.JSON)
                .body(acknowledge).post("/requests/" + id + "/acknowledgement").then().statusCode(400)
                .body("violations[0].field", is("If-Match"));
        step(DIRECTOR, id, "acknowledgement", acknowledge).statusCode(200).header("ETag", is("\"3\""));
    }

    @Test
    void g8_fourEyesComparesTheUsersWhoDraftedAndReviewed() {
        UUID id = intake(body("THIRD_PARTY", "EMAIL", ",\"topic\":\"CONTESTED_DIVORCE\",\"requester\":"
                + "{\"organisation\":\"Advocatenkantoor\",\"email\":\"mr.smit@smit-advocaten.nl\"}"));
        String author = Tokens.bearerAs("k.visser@12AB", "QUALITY_COORDINATOR", "12AB");
        step(author, id, "answer-draft", "{\"author\":\"K. Visser\"}").statusCode(200);
        step(author, id, "answer-review", "{\"reviewer\":\"K. Visser\"}").statusCode(422).body("rule", is("G-8"));
        step(DIRECTOR, id, "answer-review", "{\"reviewer\":\"directeur\"}").statusCode(200);
        step(DIRECTOR, id, "shares", "{\"channel\":\"PHONE\",\"callbackVerified\":true}").statusCode(422)
                .body("rule", is("G-8"));
    }

    @Test
    void g11_pa12_consultationsAreAnsweredByTheOfficersThemselves_andOnlyAnsweredOnesLetTheDirectorRefuse() {
        UUID id = intake(body("PARENT_ACCESS", "LETTER",
                ",\"requester\":{\"guardianId\":\"g1\"},\"accessMode\":\"PDF_BY_SECURE_MAIL\""));
        String refusal = "{\"partial\":false,\"reason\":\"Veiligheid van het kind\"}";
        step(Tokens.bearer("QUALITY_COORDINATOR", "12AB"), id, "refusal", refusal).statusCode(403);
        step(Tokens.bearer("ADMIN_STAFF", "12AB"), id, "refusal", refusal).statusCode(403);
        step(DIRECTOR, id, "refusal", refusal).statusCode(422).body("rule", is("PA-12"));

        String question = "Zijn er signalen dat inzage de veiligheid van het kind raakt?";
        step(Tokens.bearer("ADMIN_STAFF", "12AB"), id, "consultations",
                "{\"officer\":\"SAFEGUARDING_OFFICER\",\"question\":\"" + question + "\"}").statusCode(403);
        String safeguarding = step(DIRECTOR, id, "consultations",
                "{\"officer\":\"SAFEGUARDING_OFFICER\",\"question\":\"" + question + "\"}").statusCode(200)
                .body("consultations[0].question", is(question)).body("consultations[0].answeredBy", nullValue())
                .extract().path("consultations[0].id");
        String advice = "{\"advice\":\"Duidelijke signalen; verslag van het gesprek niet delen\",\"on\":\"" + TODAY + "\"}";
        step(Tokens.bearer("QUALITY_OFFICER"), id, "consultations/" + safeguarding + "/answer", advice)
                .statusCode(422).body("rule", is("G-11"));
        step(Tokens.bearer("SAFEGUARDING_OFFICER", "99ZZ"), id, "consultations/" + safeguarding + "/answer", advice)
                .statusCode(404); // another school's request: as if it did not exist
        step(DIRECTOR, id, "consultations/" + safeguarding + "/answer", advice).statusCode(403);
        step(Tokens.bearerAs("aandacht@12AB", "SAFEGUARDING_OFFICER", "12AB"), id,
                "consultations/" + safeguarding + "/answer", advice).statusCode(200)
                .body("consultations[0].answeredBy", is("aandacht@12AB"))
                .body("consultations[0].advice", startsWith("Duidelijke signalen"));
        step(DIRECTOR, id, "refusal", refusal).statusCode(422).body("rule", is("PA-12"));

        String quality = step(DIRECTOR, id, "consultations",
                "{\"officer\":\"QUALITY_OFFICER\",\"question\":\"Mag de directeur weigeren?\"}").statusCode(200)
                .extract().path("consultations[1].id");
        step(Tokens.bearer("QUALITY_OFFICER"), id, "consultations/" + quality + "/answer", advice).statusCode(200);
        step(Tokens.bearer("QUALITY_OFFICER"), id, "refusal", refusal).statusCode(422).body("rule", is("G-11"));
        step(DIRECTOR, id, "refusal", refusal).statusCode(200).body("status", is("REFUSED"));
        step(Tokens.bearer("DIRECTOR", "99ZZ"), id, "closure", "{}").statusCode(404); // as if it did not exist

        List<String> onTopic = TopicProbe.recordsOf(Topic.REQUESTS.topicName(), id, 6, WAIT).stream()
                .map(r -> TopicProbe.headers(r).get("ce_type") + " " + r.value()).toList();
        assertEquals(2, onTopic.stream().filter(r -> r.startsWith("ConsultationAnswered")).count(), onTopic.toString());
        assertTrue(onTopic.stream().noneMatch(r -> r.contains("signalen") || r.contains("Mag de directeur")),
                "the question and the advice stay in request-service");
        assertEquals(List.of(4), Sql.query("select count(*) from request_note where request_id = '" + id + "'",
                rs -> rs.getInt(1)), "two questions and two answers kept here");
    }

    static List<Integer> versions(UUID id) {
        return Sql.query("select version from event_store where stream_id = '" + id + "' order by version",
                rs -> rs.getInt(1));
    }
}
