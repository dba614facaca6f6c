package nl.pupildata.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.*;
import nl.pupildata.events.model.*;
import nl.pupildata.infra.Await;
import nl.pupildata.testinfra.RealInfrastructure;
import nl.pupildata.testinfra.Sql;
import nl.pupildata.testinfra.Tokens;
import nl.pupildata.testinfra.TopicProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ConsentFlowTests {
    /** Health and metrics are on the management interface (docs/platform.md). */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String COORDINATOR = Tokens.bearer("QUALITY_COORDINATOR", "12AB");

    static UUID requestReceivedOnTheTopic(boolean apart) {
        return requestReceivedOnTheTopic(RequestKind.THIRD_PARTY, apart);
    }

    static UUID requestReceivedOnTheTopic(RequestKind kind, boolean apart) {
        UUID id = UUID.randomUUID();
        TopicProbe.publish(EventEnvelope.wrap(new RequestReceived(id, "director@12AB", "12AB",
                kind, LocalDate.now(), ReceivedVia.EMAIL, "P-1", 4, false,
                List.of(new GuardianRef("g1", true), new GuardianRef("g2", true), new GuardianRef("g3", false)), apart,
                RequesterCategory.EXTERNAL_PROFESSIONAL, null, null, ThirdPartyTopic.DYSLEXIA_CARE,
                Complexity.STANDARD, null, null), Instant.now()));
        Await.until("consent-service knows the request", WAIT, () -> given().header("Authorization", COORDINATOR)
                .get("/requests/" + id + "/consent").statusCode() == 200);
        return id;
    }

    @Test
    void aRequestReceivedFromANewerRequestService_withFieldsThisVersionDoesNotKnow_isFolded() {
        UUID id = UUID.randomUUID();
        TopicProbe.publishFromANewerVersion(EventEnvelope.wrap(new RequestReceived(id, "director@12AB", "12AB",
                RequestKind.THIRD_PARTY, LocalDate.now(), ReceivedVia.EMAIL, "P-1", 4, false,
                List.of(new GuardianRef("g1", true), new GuardianRef("g2", true)), false,
                RequesterCategory.EXTERNAL_PROFESSIONAL, null, null, ThirdPartyTopic.DYSLEXIA_CARE,
                Complexity.STANDARD, null, null), Instant.now()));
        Await.until("consent-service knows the request", WAIT, () -> given().header("Authorization", COORDINATOR)
                .get("/requests/" + id + "/consent").statusCode() == 200);
        given().header("Authorization", COORDINATOR).get("/requests/" + id + "/consent").then()
                .body(containsString("g1")).body(containsString("g2"));
    }

    static void post(UUID id, String step, String body, int status) {
        given().header("Authorization", COORDINATOR).contentType(ContentType.JSON).body(body)
                .when().post("/requests/" + id + "/consent/" + step).then().statusCode(status);
    }

    static long onTopic(UUID id, String type, int expectedAtLeast) {
        return TopicProbe.recordsOf(Topic.CONSENTS.topicName(), id, expectedAtLeast, Duration.ofSeconds(5)).stream()
                .filter(r -> type.equals(TopicProbe.headers(r).get("ce_type"))).count();
    }

    @Test
    void requirementFromRequestReceived_satisfiedOnceWhenBothConsent_lapsedOnceOnWithdrawal() {
        UUID id = requestReceivedOnTheTopic(true);
        given().header("Authorization", COORDINATOR).get("/requests/" + id + "/consent").then()
                .body("requirement", is("ALL_WITH_AUTHORITY"))
                .body("requiredFrom", contains("g1", "g2"))
                .body("satisfied", is(false));
        post(id, "grants", "{\"guardianId\":\"g1\",\"evidence\":\"EMAIL\",\"evidenceRef\":\"mail-1\"}", 422); // G-10
        post(id, "requests", "{\"guardianId\":\"g1\",\"informationDescription\":\"Spraakontwikkeling\"}", 200);
        post(id, "requests", "{\"guardianId\":\"g2\",\"informationDescription\":\"Spraakontwikkeling\"}", 200);
        post(id, "grants", "{\"guardianId\":\"g1\",\"evidence\":\"EMAIL\",\"evidenceRef\":\"mail-1\"}", 200);
        post(id, "grants", "{\"guardianId\":\"g3\",\"evidence\":\"EMAIL\",\"evidenceRef\":\"mail-3\"}", 422);
        post(id, "grants", "{\"guardianId\":\"g2\",\"evidence\":\"SIGNATURE\",\"evidenceRef\":\"scan-2\"}", 200);
        post(id, "grants", "{\"guardianId\":\"g2\",\"evidence\":\"EMAIL\",\"evidenceRef\":\"mail-2b\"}", 200);
        post(id, "withdrawals", "{\"guardianId\":\"g1\"}", 200);
        // requirement + 2 requests + 3 grants + satisfied + withdrawal + lapsed = 9 events on the topic
        Await.until("all consent events published", WAIT,
                () -> TopicProbe.recordsOf(Topic.CONSENTS.topicName(), id, 9, Duration.ofSeconds(2)).size() >= 9);
        assertEquals(1, onTopic(id, "ConsentSatisfied", 9));
        assertEquals(1, onTopic(id, "ConsentLapsed", 9));
        given().header("Authorization", COORDINATOR).get("/requests/" + id + "/consent").then()
                .body("satisfied", is(false)).body("withdrawn", contains("g1"))
                .body("history.type", hasItems("ConsentGranted", "ConsentWithdrawn"))
                .body("history.find { it.evidenceRef == 'scan-2' }.actor", is("quality-coordinator@12AB"));
        given().get(metricsUrl).then().statusCode(200).body(containsString("pupil_data_consents_lapsed_total"));
    }

    /** G-4 / G-5: request-service's GuardiansCorrected makes consent-service determine the requirement again. */
    @Test
    void g4_guardiansCorrectedAfterIntake_theRequirementIsDeterminedAgain_andAConsentWithoutAuthorityLapses() {
        UUID id = requestReceivedOnTheTopic(false);
        post(id, "requests", "{\"guardianId\":\"g2\",\"informationDescription\":\"Leesontwikkeling\"}", 200);
        post(id, "grants", "{\"guardianId\":\"g2\",\"evidence\":\"EMAIL\",\"evidenceRef\":\"mail-2\"}", 200);
        TopicProbe.publish(EventEnvelope.wrap(new GuardiansCorrected(id, "director@12AB",
                List.of(new GuardianRef("g1", true), new GuardianRef("g2", false)), true), Instant.now()));
        Await.until("the requirement is determined again", WAIT, () -> given().header("Authorization", COORDINATOR)
                .get("/requests/" + id + "/consent").then().extract().<List<String>>path("requiredFrom")
                .equals(List.of("g1")));
        given().header("Authorization", COORDINATOR).get("/requests/" + id + "/consent").then()
                .body("requirement", is("ALL_WITH_AUTHORITY")).body("satisfied", is(false));
        Await.until("the lapse is published", WAIT, () -> onTopic(id, "ConsentLapsed", 5) == 1);
        post(id, "grants", "{\"guardianId\":\"g2\",\"evidence\":\"EMAIL\",\"evidenceRef\":\"mail-2b\"}", 422);
    }

    /** SWV-5: the next school's contact has a consent of its own, published with its purpose. */
    @Test
    void swv5_aConsentOfItsOwnForTheNextSchoolsContact() {
        UUID id = requestReceivedOnTheTopic(RequestKind.SUPPORT_FILE, false);
        String contact = ",\"purpose\":\"NEXT_SCHOOL_CONTACT\"}";
        post(id, "grants", "{\"guardianId\":\"g1\",\"evidence\":\"EMAIL\",\"evidenceRef\":\"m\"" + contact, 422);
        post(id, "requests", "{\"guardianId\":\"g1\",\"informationDescription\":\"Contactpersoon vervolgschool\""
                + contact, 200);
        post(id, "grants", "{\"guardianId\":\"g1\",\"evidence\":\"EMAIL\",\"evidenceRef\":\"m\"" + contact, 200);
        given().header("Authorization", COORDINATOR).get("/requests/" + id + "/consent").then()
                .body("satisfied", is(false)).body("nextSchoolContact.satisfied", is(true))
                .body("nextSchoolContact.granted", contains("g1"));
        Await.until("the contact's consent is published with its purpose", WAIT, () -> TopicProbe.recordsOf(
                Topic.CONSENTS.topicName(), id, 4, Duration.ofSeconds(2)).stream()
                .anyMatch(r -> r.value().contains("\"purpose\":\"NEXT_SCHOOL_CONTACT\"")
                        && "ConsentSatisfied".equals(TopicProbe.headers(r).get("ce_type"))));
        UUID other = requestReceivedOnTheTopic(false);
        post(other, "requests", "{\"guardianId\":\"g1\",\"informationDescription\":\"x\"" + contact, 422);
    }

    @Test
    void g4_aGrantForAGuardianWithoutAuthorityIsA422NamingTheRule() {
        UUID id = requestReceivedOnTheTopic(false);
        given().header("Authorization", COORDINATOR).contentType(ContentType.JSON)
                .body("{\"guardianId\":\"g3\",\"evidence\":\"EMAIL\",\"evidenceRef\":\"m\"}")
                .when().post("/requests/" + id + "/consent/grants")
                .then().statusCode(422).contentType("application/problem+json").body("rule", is("G-4"));
    }

    @Test
    void g10_theDescriptionAndG9_theExemptionRestsOnTheQualityOfficersAnsweredConsultation() {
        UUID id = requestReceivedOnTheTopic(true);
        post(id, "requests", "{\"guardianId\":\"g1\",\"informationDescription\":\"Leesniveau groep 4\"}", 200);
        post(id, "requests", "{\"guardianId\":\"g2\"}", 400);
        String exemption = "{\"ground\":\"SAFEGUARDING\",\"reason\":\"Signalen\"}";
        given().header("Authorization", Tokens.bearer("DIRECTOR", "12AB")).contentType(ContentType.JSON)
                .body(exemption)
                .when().post("/requests/" + id + "/consent/exemptions").then().statusCode(422).body("rule", is("G-9"));
        // request-service: the safeguarding officer's advice does not count, the quality officer's does.
        UUID wrongOfficer = UUID.randomUUID();
        TopicProbe.publish(EventEnvelope.wrap(new ConsultationAnswered(id, "aandacht@12AB", wrongOfficer,
                Consultation.SAFEGUARDING_OFFICER, LocalDate.now()), Instant.now()));
        UUID consultation = UUID.randomUUID();
        TopicProbe.publish(EventEnvelope.wrap(new ConsultationAnswered(id, "kwaliteit@bestuur", consultation,
                Consultation.QUALITY_OFFICER, LocalDate.now()), Instant.now()));
        Await.until("the quality officer's advice is known", WAIT, () -> Sql.query(
                "select count(*) from officer_advice where request_id = '" + id + "'", rs -> rs.getInt(1)).get(0) == 2);
        given().header("Authorization", Tokens.bearer("DIRECTOR", "12AB")).contentType(ContentType.JSON)
                .body(exemption)
                .when().post("/requests/" + id + "/consent/exemptions").then().statusCode(200)
                .body("satisfied", is(true)).body("exemption", is("SAFEGUARDING"))
                .body("history.find { it.type == 'ConsentRequested' }.informationDescription", is("Leesniveau groep 4"))
                .body("history.find { it.type == 'ConsentExemptionGranted' }.consultedQualityOfficer",
                        is("kwaliteit@bestuur"))
                .body("history.find { it.type == 'ConsentExemptionGranted' }.reason", is("Signalen"));
        assertEquals(List.of(consultation.toString()), Sql.query("select consultation_id from exemption_consultation "
                + "where request_id = '" + id + "'", rs -> rs.getString(1)), "the consultation it rests on");
        Await.until("the exemption is published", WAIT, () -> TopicProbe.recordsOf(Topic.CONSENTS.topicName(), id, 4,
                Duration.ofSeconds(2)).size() >= 4);
        TopicProbe.recordsOf(Topic.CONSENTS.topicName(), id, 4, Duration.ofSeconds(2))
                .forEach(r -> assertFalse(r.value().contains("kwaliteit@bestuur"), "who advised, on Kafka: " + r.value()));
    }

    @Test
    void aCommandBeforeRequestReceivedIs409() {
        given().header("Authorization", COORDINATOR).contentType(ContentType.JSON)
                .body("{\"guardianId\":\"g1\",\"evidence\":\"EMAIL\",\"evidenceRef\":\"m\"}")
                .when().post("/requests/" + UUID.randomUUID() + "/consent/grants")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("opnieuw"));
    }

    @Test
    void otherSchoolsAndMissingTokensAreRefused() {
        UUID id = requestReceivedOnTheTopic(false);
        given().get("/requests/" + id + "/consent").then().statusCode(401);
        given().header("Authorization", Tokens.bearer("DIRECTOR", "99ZZ")).get("/requests/" + id + "/consent").then()
                .statusCode(409); // as if it were not known (yet): no oracle
        given().header("Authorization", Tokens.bearer("ADMIN_STAFF", "12AB")).contentType(ContentType.JSON)
                .body("{\"ground\":\"SAFEGUARDING\",\"reason\":\"r\"}")
                .when().post("/requests/" + id + "/consent/exemptions").then().statusCode(403);
        given().header("Authorization", Tokens.bearer("QUALITY_OFFICER")).get("/requests/" + id + "/consent").then()
                .statusCode(200);
    }
}
