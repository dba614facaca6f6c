package nl.pupildata.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.events.Topic;
import nl.pupildata.events.sealing.KeyRecords;
import nl.pupildata.events.sealing.ValueSeal;
import nl.pupildata.infra.Await;
import nl.pupildata.request.service.PersonalDataRetention;
import nl.pupildata.testinfra.OnVertx;
import nl.pupildata.testinfra.RealInfrastructure;
import nl.pupildata.testinfra.Sql;
import nl.pupildata.testinfra.Tokens;
import nl.pupildata.testinfra.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Issue 19: after the retention period, a request's personal data is gone from request-service; the record stays. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RetentionTests {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String DIRECTOR = Tokens.bearer("DIRECTOR", "12AB");
    static final String PRIVACY = Tokens.bearer("PRIVACY_OFFICER");

    @Inject
    PersonalDataRetention retention;

    @Test
    void afterThePeriod_thePersonalDataIsErased_once_theEventIsOnTheTopic_andNoNameIsLeftInTheDatabase() {
        String pupilName = "Fenna Retentie-" + UUID.randomUUID().toString().substring(0, 6);
        UUID id = UUID.fromString(given().header("Authorization", DIRECTOR).contentType(ContentType.JSON).body("""
                {"kind":"PARENT_ACCESS","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"EMAIL",
                 "pupil":{"ref":"P-RET-1","name":"%s","dateOfBirth":"2017-05-06","group":4},
                 "guardians":[{"id":"g1","name":"Joris Bewaar","email":"joris.bewaar@example.nl","hasAuthority":true}],
                 "guardiansLivingApart":false,"requester":{"guardianId":"g1"},"accessMode":"PDF_BY_SECURE_MAIL"}"""
                .formatted(LocalDate.now(), pupilName)).post("/requests").then().statusCode(201).extract().path("id"));
        given().header("Authorization", DIRECTOR).contentType(ContentType.JSON)
                .body("{\"expectedOn\":\"" + LocalDate.now().plusDays(5) + "\"}")
                .post("/requests/" + id + "/acknowledgement").then().statusCode(200);
        given().header("Authorization", DIRECTOR).contentType(ContentType.JSON).body("{}")
                .post("/requests/" + id + "/letters/acknowledgement").then().statusCode(200);
        given().header("Authorization", DIRECTOR).contentType(ContentType.JSON).body("{}")
                .post("/requests/" + id + "/withdrawal").then().statusCode(200);
        assertTrue(rowsMentioning(pupilName, id) > 0, "kept while the period runs");

        LocalDate today = LocalDate.now();
        assertFalse(OnVertx.await(() -> retention.eraseIfDue(id, today)), "not before the period has passed");
        given().header("Authorization", PRIVACY).get("/retention?days=800").then().statusCode(200)
                .body("keep", is("P2Y")).body("due.requestId", hasItem(id.toString()));
        LocalDate later = today.plusYears(2);
        assertTrue(OnVertx.await(() -> retention.eraseIfDue(id, later)));
        assertFalse(OnVertx.await(() -> retention.eraseIfDue(id, later.plusDays(1))), "once");

        assertEquals(0, rowsMentioning(pupilName, id), "no row of request-service holds the name any more");
        given().header("Authorization", DIRECTOR).get("/requests/" + id).then().statusCode(200)
                .body("status", is("WITHDRAWN")).body("pupil.ref", is(ValueSeal.ERASED)).body("pupil.name", nullValue());
        // Crypto-shredding: the request's key is gone here and a tombstone follows it on the key topic, so the
        // sealed pupil reference in the event store (and on Kafka, and in every copy) reads as erased.
        assertEquals(0L, Sql.query("select count(*) from request_key where request_id = '" + id
                + "' and secret is not null", r -> r.getLong(1)).get(0));
        assertEquals(0, Sql.query("select count(*) from event_store where payload like '%P-RET-1%'",
                r -> r.getLong(1)).get(0).intValue(), "the pupil reference was never stored unsealed");
        Await.until("the key's tombstone is on the key topic", WAIT, () -> {
            var keys = TopicProbe.recordsOf(KeyRecords.TOPIC, id, 2, Duration.ofSeconds(2));
            return keys.size() == 2 && keys.get(1).value() == null;
        });
        given().header("Authorization", DIRECTOR).get("/requests/" + id + "/letters/acknowledgement").then()
                .statusCode(410).contentType(containsString("application/problem+json"))
                .body("detail", containsString("gewist"));
        given().header("Authorization", DIRECTOR).get("/requests/" + id + "/letters/acknowledgement?issued=3").then()
                .statusCode(410);
        List<ConsumerRecord<String, String>> onTopic = TopicProbe.recordsOf(Topic.REQUESTS.topicName(), id, 5, WAIT);
        ConsumerRecord<String, String> erased = onTopic.get(onTopic.size() - 1);
        assertEquals("PersonalDataErased", TopicProbe.headers(erased).get("ce_type"));
        assertFalse(onTopic.toString().contains(pupilName) || onTopic.toString().contains("Joris"),
                "no event ever carried the names");
        given().header("Authorization", PRIVACY).get("/retention").then().statusCode(200)
                .body("erased.requestId", hasItem(id.toString()))
                .body("due.requestId", not(hasItem(id.toString())));
        given().header("Authorization", DIRECTOR).get("/retention").then().statusCode(403);
    }

    /** Rows of request-service's tables, the event store included, in which this request's name (or id) appears. */
    static long rowsMentioning(String name, UUID id) {
        long rows = 0;
        for (String table : List.of("request_personal_details", "request_note", "issued_letter",
                "learned_consent_request", "learned_extension", "event_store", "outbox", "request_view")) {
            rows += Sql.query("select count(*) from " + table + " t where cast(t as text) like '%" + name + "%'",
                    r -> r.getLong(1)).get(0);
        }
        rows += Sql.query("select count(*) from issued_letter where request_id = '" + id + "'", r -> r.getLong(1))
                .get(0);
        return rows;
    }
}
