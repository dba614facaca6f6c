package nl.pupildata.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.*;
import java.util.function.Consumer;
import nl.pupildata.events.AsyncApiContract;
import nl.pupildata.events.CloudEventRecords;
import nl.pupildata.infra.Await;
import nl.pupildata.runner.LocalStack;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.*;

/**
 * The quality card's routes through all four services as they run in production (packaged apps, one real
 * Kafka broker, one real PostgreSQL), over HTTP only, with tokens as clients get them. Waits are bounded
 * polls on observable state. Each test is whole on its own: its route ends with what the register shows of it.
 */
class QualityCardRoutesTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final LocalDate TODAY = LocalDate.now();
    static final String REQ = "request-service";
    static final String CONSENT = "consent-service";
    static final String DEADLINE = "deadline-service";
    static final String REGISTER = "register-service";

    static final LocalStack stack = SystemUnderTest.stack();
    // The realm's demo users; as() signs in as one with a token from the real Keycloak, fresh enough to be accepted
    // however long the tests (of this class, and of those that use its steps) run.
    static final String DIRECTOR = "directeur.12ab";
    static final String COORDINATOR = "kc.12ab";
    static final String ADMIN = "administratie.12ab";
    static final String QUALITY_OFFICER = "kwaliteit.bestuur";
    static final String PRIVACY_OFFICER = "privacy.bestuur";

    /** Personal details used in the routes: none of them may ever appear on Kafka. */
    static final List<String> PERSONAL = List.of("Noor el Amrani", "Fatima el Amrani", "fatima.elamrani@example.nl",
            "Youssef el Amrani", "youssef.elamrani@example.nl", "2016-09-14", "Sanne de Boer",
            "sanne.deboer@example.nl", "Pieter", "pieter.deboer@example.nl", "Daan de Boer", "2015-02-03",
            "M. Visser", "m.visser@veiligthuisutrecht.nl", "030-1234567", "A. Smit", "M. de Wit");

    // ------------------------------------------------------------------------------------------------------

    static RequestSpecification as(String user, String service) {
        return given().baseUri(stack.url(service)).header("Authorization", "Bearer " + stack.token(user))
                .contentType(ContentType.JSON);
    }

    static ValidatableResponse step(String user, String id, String step, String body) {
        return as(user, REQ).body(body).post("/requests/" + id + "/" + step).then();
    }

    static ValidatableResponse consent(String user, String id, String what, String body) {
        return as(user, CONSENT).body(body).post("/requests/" + id + "/consent/" + what).then();
    }

    static String intake(String body) {
        return as(DIRECTOR, REQ).body(body).post("/requests").then().statusCode(201).extract().path("id");
    }

    static String guardians(boolean apart) {
        return apart ? """
                "guardians":[{"id":"g1","name":"Fatima el Amrani","email":"fatima.elamrani@example.nl","hasAuthority":true},
                             {"id":"g2","name":"Youssef el Amrani","email":"youssef.elamrani@example.nl","hasAuthority":true}],
                "guardiansLivingApart":true""" : """
                "guardians":[{"id":"g1","name":"Sanne de Boer","email":"sanne.deboer@example.nl","hasAuthority":true,
                              "emailChecked":true},
                             {"id":"g2","name":"Pieter de Boer","email":"pieter.deboer@example.nl","hasAuthority":false}],
                "guardiansLivingApart":false""";
    }

    static String pupil(String ref, int group, boolean doorstroomtoets) {
        return "\"pupil\":{\"ref\":\"" + ref + "\",\"name\":\"Noor el Amrani\",\"dateOfBirth\":\"2016-09-14\","
                + "\"group\":" + group + ",\"hasDoorstroomtoets\":" + doorstroomtoets + "}";
    }

    static String request(String kind, LocalDate receivedOn, String via, String pupil, boolean apart, String extra) {
        return "{\"kind\":\"" + kind + "\",\"schoolBrin\":\"12AB\",\"receivedOn\":\"" + receivedOn
                + "\",\"receivedVia\":\"" + via + "\"," + pupil + "," + guardians(apart) + extra + "}";
    }

    static void awaitConsentKnown(String id) {
        Await.until("consent-service knows " + id, WAIT,
                () -> as(DIRECTOR, CONSENT).get("/requests/" + id + "/consent").statusCode() == 200);
    }

    static void awaitRequestServiceSeesConsent(String id, boolean satisfied) {
        Await.until("request-service sees consent satisfied=" + satisfied, WAIT, () -> Objects.equals(satisfied,
                as(DIRECTOR, REQ).get("/requests/" + id).then().extract().path("consentSatisfied")));
    }

    static void awaitDeadline(String id, String status) {
        Await.until("the term of " + id + " is " + status, WAIT, () -> {
            var r = as(DIRECTOR, DEADLINE).get("/requests/" + id + "/deadline");
            return r.statusCode() == 200 && status.equals(r.jsonPath().getString("status"));
        });
    }

    /**
     * The register shows what happened to the request: its request events in order, its status and pupil, in the
     * entry, in the pupil's count (PA-5) and in the CSV.
     */
    static void expect(String id, String pupilRef, String status, String... requestEvents) {
        List<String> expected = List.of(requestEvents);
        Await.until("the register has every request event of " + id, WAIT, () -> {
            var r = as(QUALITY_OFFICER, REGISTER).get("/register/" + id);
            if (r.statusCode() != 200) {
                return false;
            }
            List<String> types = r.jsonPath().getList("timeline.type");
            return types.stream().filter(t -> t.startsWith("Request") || expected.contains(t))
                    .filter(t -> !t.equals("RequestRefused")).toList().equals(expected);
        });
        as(QUALITY_OFFICER, REGISTER).get("/register/" + id).then().statusCode(200)
                .body("status", is(status)).body("pupilRef", is(pupilRef)).body("schoolBrin", is("12AB"))
                .body("timeline.actor", everyItem(not(emptyOrNullString())));
        as(QUALITY_OFFICER, REGISTER).get("/register/pupils/" + pupilRef).then().statusCode(200)
                .body("requests.requestId", hasItem(id))
                .body("count", is(as(QUALITY_OFFICER, REGISTER).get("/register/pupils/" + pupilRef).jsonPath()
                        .getList("requests").size()));
        CSVRecord row = csv().get(id);
        assertNotNull(row, "the request is in the CSV");
        assertEquals(status, row.get("status"));
        assertEquals(pupilRef, row.get("pupilRef"));
    }

    static Map<String, CSVRecord> csv() {
        String text = new String(as(QUALITY_OFFICER, REGISTER).accept("text/csv").get("/register/export").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1)))) {
            Map<String, CSVRecord> rows = new HashMap<>();
            parser.forEach(r -> rows.put(r.get("requestId"), r));
            return rows;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------------

    @Test
    void accessRequest_guardiansApart_acknowledged_reviewed_secureMail_otherGuardianTold_closed_termMet() {
        String id = intake(request("PARENT_ACCESS", TODAY.minusDays(2), "EMAIL", pupil("P-NOOR", 5, false), true,
                ",\"requester\":{\"guardianId\":\"g1\"},\"accessMode\":\"PDF_BY_SECURE_MAIL\""));
        step(ADMIN, id, "acknowledgement", "{\"expectedOn\":\"" + TODAY.plusDays(27) + "\",\"otherGuardiansMentioned\":true}")
                .statusCode(422).body("rule", is("PA-3")); // after the due date
        step(ADMIN, id, "acknowledgement", "{\"expectedOn\":\"" + TODAY.plusDays(10) + "\"}").statusCode(422)
                .body("rule", is("PA-3")); // apart: the other guardian will be informed
        step(ADMIN, id, "acknowledgement", "{\"expectedOn\":\"" + TODAY.plusDays(10) + "\",\"otherGuardiansMentioned\":true}")
                .statusCode(200);
        step(ADMIN, id, "shares", "{\"channel\":\"SECURE_MAIL\",\"recipient\":\"fatima.elamrani@example.nl\"}")
                .statusCode(422).body("rule", is("PA-7"));
        step(COORDINATOR, id, "review", "{\"otherPupilsPseudonymised\":true,\"homeSituationChecked\":true}")
                .statusCode(200);
        step(ADMIN, id, "shares", "{\"channel\":\"SECURE_MAIL\",\"recipient\":\"youssef.elamrani@example.nl\"}")
                .statusCode(422).body("rule", is("PA-8"));
        step(ADMIN, id, "shares", "{\"channel\":\"SECURE_MAIL\",\"recipient\":\"fatima.elamrani@example.nl\"}")
                .statusCode(422).body("rule", is("G-13"));
        step(ADMIN, id, "shares", "{\"channel\":\"SECURE_MAIL\",\"recipient\":\"fatima.elamrani@example.nl\","
                + "\"exportedFromPupilAdministration\":true}").statusCode(200);
        step(ADMIN, id, "closure", "{}").statusCode(422).body("rule", is("PA-9"));
        step(ADMIN, id, "other-guardian-notices", "{\"guardianId\":\"g2\"}").statusCode(200);
        step(ADMIN, id, "delivery-confirmation", "{}").statusCode(200);
        step(ADMIN, id, "closure", "{}").statusCode(200).body("status", is("CLOSED"));
        awaitDeadline(id, "MET");
        as(DIRECTOR, DEADLINE).get("/requests/" + id + "/deadline").then().body("metWithinTerm", is(true));
        expect(id, "P-NOOR", "CLOSED", "RequestReceived", "RequestAcknowledged", "DossierReviewed",
                "InformationShared", "OtherGuardianNotified", "DeliveryConfirmed", "RequestClosed");
    }

    @Test
    void accessRequest_twoExtensionsAndARefusedThird() {
        String id = intake(request("PARENT_ACCESS", TODAY.minusDays(5), "LETTER", pupil("P-DAAN", 7, false), false,
                ",\"requester\":{\"guardianId\":\"g1\"},\"accessMode\":\"PDF_BY_SECURE_MAIL\""));
        Await.until("the term is set", WAIT,
                () -> as(DIRECTOR, DEADLINE).get("/requests/" + id + "/deadline").statusCode() == 200);
        String extension = "{\"reason\":\"Een deel van het dossier ligt bij de vorige school\",\"guardiansNotifiedOn\":\""
                + TODAY + "\"}";
        as(DIRECTOR, DEADLINE).body(extension).post("/requests/" + id + "/deadline/extensions").then().statusCode(403);
        as(PRIVACY_OFFICER, DEADLINE).body(extension).post("/requests/" + id + "/deadline/extensions").then()
                .statusCode(200);
        as(PRIVACY_OFFICER, DEADLINE).body(extension).post("/requests/" + id + "/deadline/extensions").then()
                .statusCode(200).body("extensions", hasSize(2))
                .body("dueOn", is(TODAY.minusDays(5).plusWeeks(4).plusMonths(1).plusMonths(1).toString()));
        as(PRIVACY_OFFICER, DEADLINE).body(extension).post("/requests/" + id + "/deadline/extensions").then()
                .statusCode(422).body("rule", is("PA-6"));
        Await.until("request-service learned the new due date", WAIT, () -> TODAY.minusDays(5).plusWeeks(4)
                .plusMonths(2).toString().equals(as(DIRECTOR, REQ).get("/requests/" + id).then().extract().path("dueOn")));
        expect(id, "P-DAAN", "RECEIVED", "RequestReceived");
    }

    @Test
    void accessRequestLeftToMissItsTerm() {
        String id = intake(request("PARENT_ACCESS", TODAY.minusDays(30), "EMAIL", pupil("P-DAAN", 7, false), false,
                ",\"requester\":{\"guardianId\":\"g1\"},\"accessMode\":\"INSPECTION_AT_SCHOOL\""));
        awaitDeadline(id, "MISSED");
        as(DIRECTOR, DEADLINE).get("/deadlines").then().statusCode(200)
                .body("find { it.requestId == '" + id + "' }.status", is("MISSED"));
        expect(id, "P-DAAN", "RECEIVED", "RequestReceived");
    }

    @Test
    void inspectionAtSchoolWithTwoStaffPresent() {
        String id = intake(request("PARENT_ACCESS", TODAY.minusDays(1), "EMAIL", pupil("P-LOTTE", 3, false), false,
                ",\"requester\":{\"guardianId\":\"g1\"},\"accessMode\":\"INSPECTION_AT_SCHOOL\""));
        step(ADMIN, id, "acknowledgement", "{\"expectedOn\":\"" + TODAY.plusDays(7) + "\"}").statusCode(200);
        step(DIRECTOR, id, "review", "{\"otherPupilsPseudonymised\":true,\"homeSituationChecked\":true}")
                .statusCode(200);
        step(DIRECTOR, id, "shares", "{\"channel\":\"INSPECTION_AT_SCHOOL\",\"staffPresent\":[\"J. Bakker\"]}")
                .statusCode(422).body("rule", is("PA-10"));
        String inspection = "{\"channel\":\"INSPECTION_AT_SCHOOL\",\"staffPresent\":[\"J. Bakker\",\"S. Yilmaz\"],"
                + "\"dossierOpenOnPupil\":true,\"neverLeftAlone\":true}";
        step(ADMIN, id, "shares", inspection).statusCode(422).body("rule", is("PA-10")); // the director or KC records it
        step(DIRECTOR, id, "shares", inspection.replace("\"neverLeftAlone\":true", "\"neverLeftAlone\":false"))
                .statusCode(422).body("rule", is("PA-10"));
        step(DIRECTOR, id, "shares", inspection).statusCode(200);
        step(DIRECTOR, id, "closure", "{}").statusCode(200);
        awaitDeadline(id, "MET");
        expect(id, "P-LOTTE", "CLOSED", "RequestReceived", "RequestAcknowledged", "DossierReviewed",
                "InformationShared", "RequestClosed");
    }

    @Test
    void midYearTransfer_consentFromBothGuardians_inspected_validSections() {
        String id = intake(request("SCHOOL_TRANSFER", TODAY, "OSO", pupil("P-NOOR", 5, false), true,
                ",\"receivingSchool\":{\"brin\":\"77XY\",\"name\":\"Basisschool De Regenboog\"}"));
        awaitConsentKnown(id);
        as(DIRECTOR, CONSENT).get("/requests/" + id + "/consent").then().body("requirement", is("ALL_WITH_AUTHORITY"));
        consent(ADMIN, id, "requests", "{\"guardianId\":\"g1\",\"informationDescription\":\"Het overstapdossier (OSO) als PDF\"}")
                .statusCode(200);
        consent(ADMIN, id, "grants", "{\"guardianId\":\"g1\",\"evidence\":\"EMAIL\",\"evidenceRef\":\"mail 3-11\"}")
                .statusCode(200).body("satisfied", is(false));
        consent(ADMIN, id, "grants", "{\"guardianId\":\"g2\",\"evidence\":\"SIGNATURE\",\"evidenceRef\":\"formulier\"}")
                .statusCode(200).body("satisfied", is(true));
        awaitRequestServiceSeesConsent(id, true);
        String oso = "{\"channel\":\"OSO\",\"otherPupilsPseudonymised\":true,\"sections\":[{\"section\":\"TOETSRESULTATEN\"},"
                + "{\"section\":\"VERZUIM\",\"notable\":true,\"since\":\"" + TODAY.minusYears(1) + "\"}]}";
        step(ADMIN, id, "shares", oso).statusCode(422).body("rule", is("OSO-5"));
        step(ADMIN, id, "guardian-inspection", "{\"on\":\"" + TODAY + "\",\"agrees\":true}").statusCode(200);
        step(ADMIN, id, "shares", "{\"channel\":\"OSO\",\"otherPupilsPseudonymised\":true,\"sections\":[{\"section\":\"ONDERWIJSONDERSTEUNING\"}]}")
                .statusCode(422).body("rule", is("OSO-2"));
        step(ADMIN, id, "shares", oso).statusCode(200);
        expect(id, "P-NOOR", "ANSWERED", "RequestReceived", "GuardianInspectionHeld", "InformationShared");
    }

    @Test
    void transferWhereConsentIsRefused_onlyTheStatutoryExemptionLetsItThrough() {
        String id = intake(request("SCHOOL_TRANSFER", TODAY, "OSO", pupil("P-SEM", 6, false), true,
                ",\"receivingSchool\":{\"brin\":\"77XY\",\"name\":\"Basisschool De Regenboog\"}"));
        awaitConsentKnown(id);
        consent(ADMIN, id, "refusals", "{\"guardianId\":\"g1\"}").statusCode(200);
        step(ADMIN, id, "guardian-inspection", "{\"on\":\"" + TODAY + "\",\"agrees\":false,\"statementAdded\":true}")
                .statusCode(200);
        step(ADMIN, id, "shares", "{\"channel\":\"OSO\",\"otherPupilsPseudonymised\":true,\"sections\":[{\"section\":\"TOETSRESULTATEN\"}]}")
                .statusCode(422).body("rule", is("OSO-3"));
        String exemption = "{\"ground\":\"STATUTORY_TRANSFER\",\"reason\":\"Alleen de wettelijke delen\"}";
        consent(DIRECTOR, id, "exemptions", exemption).statusCode(422).body("rule", is("OSO-4"));
        // OSO-4: the director asks the quality officer, who answers as themselves; then the exemption counts it.
        String consultation = step(DIRECTOR, id, "consultations", "{\"officer\":\"QUALITY_OFFICER\","
                + "\"question\":\"De ouders weigeren; mogen de wettelijke delen mee?\"}").statusCode(200)
                .extract().path("consultations[0].id");
        step(COORDINATOR, id, "consultations/" + consultation + "/answer",
                "{\"advice\":\"Ja\",\"on\":\"" + TODAY + "\"}").statusCode(403);
        step(QUALITY_OFFICER, id, "consultations/" + consultation + "/answer",
                "{\"advice\":\"Alleen toetsresultaten, doorstroomtoets en verzuim\",\"on\":\"" + TODAY + "\"}")
                .statusCode(200).body("consultations[0].answeredBy", notNullValue());
        Await.until("consent-service knows the answered consultation", WAIT, () -> consent(DIRECTOR, id,
                "exemptions", exemption).extract().statusCode() == 200);
        awaitRequestServiceSeesConsent(id, true);
        step(ADMIN, id, "shares", "{\"channel\":\"OSO\",\"otherPupilsPseudonymised\":true,\"sections\":[{\"section\":\"TOETSRESULTATEN\"},"
                + "{\"section\":\"HANDELINGSPLANNEN\",\"coordinatedWithQualityCoordinator\":true,"
                + "\"containsOtherPupilNames\":false}]}").statusCode(422).body("rule", is("OSO-4"));
        step(ADMIN, id, "shares", "{\"channel\":\"OSO\",\"otherPupilsPseudonymised\":true,\"sections\":[{\"section\":\"TOETSRESULTATEN\"}]}")
                .statusCode(200);
        expect(id, "P-SEM", "ANSWERED", "RequestReceived", "GuardianInspectionHeld", "ConsultationRequested",
                "ConsultationAnswered", "InformationShared");
    }

    @Test
    void secondaryTransferWithAWarmHandover() {
        String id = intake(request("SECONDARY_TRANSFER", TODAY, "OSO", pupil("P-DAAN", 8, true), false,
                ",\"receivingSchool\":{\"brin\":\"88ZZ\",\"name\":\"Het Stadslyceum\"},\"warmHandover\":true"));
        awaitConsentKnown(id);
        String warm = "{\"channel\":\"WARM_HANDOVER\",\"otherPupilsPseudonymised\":true}";
        step(ADMIN, id, "shares", "{\"channel\":\"PHONE\"}").statusCode(422).body("rule", is("OSO-1"));
        step(ADMIN, id, "shares", warm).statusCode(422).body("rule", is("VO-2"));
        consent(ADMIN, id, "grants", "{\"guardianId\":\"g1\",\"evidence\":\"SIGNATURE\",\"evidenceRef\":\"toestemmingsformulier Samen naar het VO\"}")
                .statusCode(200).body("satisfied", is(true));
        awaitRequestServiceSeesConsent(id, true);
        step(ADMIN, id, "shares", warm).statusCode(200);
        step(ADMIN, id, "guardian-inspection", "{\"on\":\"" + TODAY + "\",\"agrees\":true}").statusCode(200);
        step(ADMIN, id, "shares", "{\"channel\":\"OSO\",\"otherPupilsPseudonymised\":true,\"sections\":[{\"section\":\"TOETSRESULTATEN\"}]}")
                .statusCode(422).body("rule", is("OSO-2"));
        step(ADMIN, id, "shares", "{\"channel\":\"OSO\",\"otherPupilsPseudonymised\":true,\"sections\":[{\"section\":\"TOETSRESULTATEN\"},"
                + "{\"section\":\"DOORSTROOMTOETS\"}]}").statusCode(200);
        expect(id, "P-DAAN", "ANSWERED", "RequestReceived", "InformationShared", "GuardianInspectionHeld",
                "InformationShared");
    }

    @Test
    void veiligThuis_workAddress_fourEyes_guardiansFirst_consent_secureMail_neverByPhone() {
        String thirdParty = ",\"topic\":\"VEILIG_THUIS\",\"requester\":{\"organisation\":\"Veilig Thuis Utrecht\","
                + "\"name\":\"M. Visser\",\"email\":\"%s\"}";
        as(DIRECTOR, REQ).body(request("THIRD_PARTY", TODAY, "EMAIL", pupil("P-NOOR", 5, false), true,
                thirdParty.formatted("m.visser.vt@gmail.com"))).post("/requests").then().statusCode(422)
                .body("rule", is("G-8"));
        as(DIRECTOR, REQ).body(request("THIRD_PARTY", TODAY, "PHONE", pupil("P-NOOR", 5, false), true,
                thirdParty.formatted("m.visser@veiligthuisutrecht.nl"))).post("/requests").then().statusCode(422)
                .body("rule", is("G-8"));
        String id = intake(request("THIRD_PARTY", TODAY, "EMAIL", pupil("P-NOOR", 5, false), true,
                thirdParty.formatted("m.visser@veiligthuisutrecht.nl")));
        as(DIRECTOR, REQ).get("/requests/" + id).then().body("complexity", is("COMPLEX"));
        step(COORDINATOR, id, "answer-draft", "{}").statusCode(200);
        step(COORDINATOR, id, "answer-review", "{}").statusCode(422).body("rule", is("G-8"));
        step(DIRECTOR, id, "answer-review", "{}").statusCode(200);
        step(COORDINATOR, id, "guardians-informed", "{\"on\":\"" + TODAY + "\"}").statusCode(200);
        step(COORDINATOR, id, "shares", "{\"channel\":\"SECURE_MAIL\"}").statusCode(422).body("rule", is("G-8"));
        awaitConsentKnown(id);
        consent(COORDINATOR, id, "grants", "{\"guardianId\":\"g1\",\"evidence\":\"EMAIL\",\"evidenceRef\":\"mail\"}")
                .statusCode(422).body("rule", is("G-10")); // asked first, with the answer shown (G-8d)
        for (String guardian : List.of("g1", "g2")) {
            consent(COORDINATOR, id, "requests", "{\"guardianId\":\"" + guardian + "\","
                    + "\"informationDescription\":\"Het antwoord aan Veilig Thuis, bijgevoegd\"}").statusCode(200);
            consent(COORDINATOR, id, "grants", "{\"guardianId\":\"" + guardian + "\",\"evidence\":\"EMAIL\","
                    + "\"evidenceRef\":\"mail\"}").statusCode(200);
        }
        awaitRequestServiceSeesConsent(id, true);
        step(COORDINATOR, id, "shares", "{\"channel\":\"PHONE\",\"callbackVerified\":true}").statusCode(422)
                .body("rule", is("G-8"));
        step(COORDINATOR, id, "shares", "{\"channel\":\"SECURE_MAIL\",\"exportedFromPupilAdministration\":true}")
                .statusCode(422).body("rule", is("G-7"));
        step(COORDINATOR, id, "shares", "{\"channel\":\"SECURE_MAIL\",\"exportedFromPupilAdministration\":true,"
                + "\"otherPupilsPseudonymised\":true}").statusCode(200);
        expect(id, "P-NOOR", "ANSWERED", "RequestReceived", "AnswerDrafted", "AnswerReviewed", "GuardiansInformed",
                "InformationShared");
    }

    @Test
    void speechTherapistByPhoneAfterCallBackVerification() {
        String id = intake(request("THIRD_PARTY", TODAY, "PHONE", pupil("P-LOTTE", 3, false), false,
                ",\"topic\":\"SPEECH_THERAPY\",\"requester\":{\"organisation\":\"Logopediepraktijk Oost\","
                        + "\"name\":\"A. Smit\",\"phone\":\"030-1234567\"}"));
        awaitConsentKnown(id);
        consent(ADMIN, id, "requests", "{\"guardianId\":\"g1\",\"informationDescription\":\"Spraak- en taalontwikkeling groep 3\"}")
                .statusCode(200);
        consent(ADMIN, id, "grants", "{\"guardianId\":\"g2\",\"evidence\":\"EMAIL\",\"evidenceRef\":\"m\"}")
                .statusCode(422).body("rule", is("G-4"));
        consent(ADMIN, id, "grants", "{\"guardianId\":\"g1\",\"evidence\":\"EMAIL\",\"evidenceRef\":\"mail 4-11\"}")
                .statusCode(200);
        awaitRequestServiceSeesConsent(id, true);
        step(ADMIN, id, "shares", "{\"channel\":\"PHONE\",\"callbackVerified\":false}").statusCode(422)
                .body("rule", is("G-10"));
        step(ADMIN, id, "shares", "{\"channel\":\"PHONE\",\"callbackVerified\":true,\"otherPupilsPseudonymised\":true}")
                .statusCode(200);
        expect(id, "P-LOTTE", "ANSWERED", "RequestReceived", "InformationShared");
    }

    @Test
    void consentWithdrawnBetweenTwoShares_theSecondIsRefused() {
        String id = intake(request("THIRD_PARTY", TODAY, "EMAIL", pupil("P-SEM", 6, false), false,
                ",\"topic\":\"DYSLEXIA_CARE\",\"requester\":{\"organisation\":\"Dyslexiezorg Utrecht\"}"));
        awaitConsentKnown(id);
        consent(ADMIN, id, "requests", "{\"guardianId\":\"g1\",\"informationDescription\":\"Leesontwikkeling\"}")
                .statusCode(200);
        consent(ADMIN, id, "grants", "{\"guardianId\":\"g1\",\"evidence\":\"EMAIL\",\"evidenceRef\":\"mail\"}")
                .statusCode(200);
        awaitRequestServiceSeesConsent(id, true);
        step(ADMIN, id, "shares", "{\"channel\":\"SECURE_MAIL\",\"exportedFromPupilAdministration\":true,"
                + "\"otherPupilsPseudonymised\":true}").statusCode(200);
        consent(ADMIN, id, "withdrawals", "{\"guardianId\":\"g1\"}").statusCode(200).body("satisfied", is(false));
        awaitRequestServiceSeesConsent(id, false);
        step(ADMIN, id, "shares", "{\"channel\":\"SECURE_MAIL\",\"exportedFromPupilAdministration\":true,"
                + "\"otherPupilsPseudonymised\":true}").statusCode(422).body("rule", is("G-5"));
        expect(id, "P-SEM", "ANSWERED", "RequestReceived", "InformationShared");
    }

    @Test
    void supportFileWithABsnIsRefused_withoutItIsAccepted() {
        String withBsn = request("SUPPORT_FILE", TODAY, "IN_PERSON", pupil("P-SEM", 6, false), false,
                ",\"fields\":{\"hulpvraag\":\"Begrijpend lezen; bsn 111 222 333\"}");
        String response = as(COORDINATOR, REQ).body(withBsn).post("/requests").then().statusCode(422)
                .body("rule", is("SWV-4")).extract().asString();
        assertFalse(response.contains("111") || response.contains("333"), "the refused number is not echoed");
        String unchecked = request("SUPPORT_FILE", TODAY, "IN_PERSON", pupil("P-SEM", 6, false), false,
                ",\"fields\":{\"hulpvraag\":\"Begrijpend lezen\"}")
                .replace("\"emailChecked\":true", "\"emailChecked\":false");
        as(COORDINATOR, REQ).body(unchecked).post("/requests").then().statusCode(422).body("rule", is("SWV-2"));
        String id = intake(request("SUPPORT_FILE", TODAY, "IN_PERSON", pupil("P-SEM", 6, false), false,
                ",\"fields\":{\"hulpvraag\":\"Begrijpend lezen\"}"));
        expect(id, "P-SEM", "RECEIVED", "RequestReceived");
    }

    @Test
    void outgoingInquiryAfterTheGuardiansWereInformed() {
        String id = intake(request("OUTGOING_INQUIRY", TODAY, "EMAIL", pupil("P-LOTTE", 3, false), false,
                ",\"organisation\":\"Jeugdarts GGD regio Utrecht\""));
        step(ADMIN, id, "shares", "{\"channel\":\"PHONE\",\"callbackVerified\":true}").statusCode(422).body("rule", is("G-6"));
        step(ADMIN, id, "guardians-informed", "{\"on\":\"" + TODAY + "\"}").statusCode(200);
        step(ADMIN, id, "shares", "{\"channel\":\"PHONE\"}").statusCode(422).body("rule", is("G-10"));
        step(ADMIN, id, "shares", "{\"channel\":\"PHONE\",\"callbackVerified\":true}").statusCode(200);
        expect(id, "P-LOTTE", "ANSWERED", "RequestReceived", "GuardiansInformed", "InformationShared");
    }

    // ------------------------------------------------------------------------------------------------------

    @Test
    void aReplayOfTheRegisterReproducesTheLiveOne() {
        String id = intake(request("PARENT_ACCESS", TODAY.minusDays(3), "EMAIL", pupil("P-REPLAY", 5, false), false,
                ",\"requester\":{\"guardianId\":\"g1\"},\"accessMode\":\"PDF_BY_SECURE_MAIL\""));
        step(COORDINATOR, id, "review", "{\"otherPupilsPseudonymised\":true,\"homeSituationChecked\":true}")
                .statusCode(200);
        expect(id, "P-REPLAY", "IN_PROGRESS", "RequestReceived", "DossierReviewed");
        awaitDeadline(id, "RUNNING");
        Await.until("the register has the term", WAIT, () -> as(QUALITY_OFFICER, REGISTER).get("/register/" + id)
                .jsonPath().getString("dueOn") != null);
        Map<String, Object> before = settledRegister(id);
        as(QUALITY_OFFICER, REGISTER).post("/register/replay").then().statusCode(202);
        Await.until("the replay has finished", Duration.ofSeconds(120), () -> "IDLE".equals(
                as(QUALITY_OFFICER, REGISTER).get("/register/replay").then().extract().path("state")));
        assertEquals(before, register(id), "the rebuilt register equals the live one");
    }

    @Test
    void noPersonalDetailInAnyKeyHeaderOrPayloadOnKafka() {
        String id = personalRoute();
        int[] ofThisRequest = {0};
        int scanned = scanTopics("privacy-scan", List.of("pupil-data.requests", "pupil-data.consents",
                "pupil-data.deadlines"), r -> {
            ofThisRequest[0] += id.equals(r.key()) ? 1 : 0;
            StringBuilder all = new StringBuilder(String.valueOf(r.key())).append(r.value());
            for (Header h : r.headers()) {
                all.append(h.key()).append(new String(h.value(), StandardCharsets.UTF_8));
            }
            for (String personal : PERSONAL) {
                assertFalse(all.toString().contains(personal), "'" + personal + "' on " + r.topic() + ": " + all);
            }
        });
        assertTrue(ofThisRequest[0] >= 5, "this test's own request's events were among the " + scanned
                + " scanned (" + ofThisRequest[0] + ")");
    }

    /**
     * Every message on Kafka — the events of every route run so far and whatever reached the dead-letter topic — fits
     * docs/asyncapi.yaml: its channel, its message by ce_type, its headers (text) and its payload, as a JSON Schema
     * validator reads the committed file.
     */
    @Test
    void everyRecordedMessageOnKafkaFitsTheAsyncApiDocument() throws Exception {
        personalRoute();
        AsyncApiContract contract = AsyncApiContract.read(SystemUnderTest.ROOT.resolve("docs/asyncapi.yaml"));
        Set<String> kinds = new TreeSet<>();
        List<String> violations = new ArrayList<>();
        int scanned = scanTopics("contract-scan", List.of("pupil-data.requests", "pupil-data.consents",
                "pupil-data.deadlines", "pupil-data.dead-letter"), r -> {
            Map<String, String> headers = CloudEventRecords.headers(r.headers());
            kinds.add(r.topic() + " " + headers.getOrDefault("ce_type", "?"));
            contract.violations(r.topic(), headers, r.value()).forEach(v -> violations.add(r.topic() + "@"
                    + r.partition() + "/" + r.offset() + " " + headers.get("ce_type") + ": " + v));
        });
        assertEquals(List.of(), violations, scanned + " messages checked");
        assertTrue(kinds.size() >= 10, "the routes' messages are of many kinds: " + kinds);
    }

    /** Reads the topics from the start until they have been quiet for a while; returns how many records it saw. */
    static int scanTopics(String group, List<String> topics, Consumer<ConsumerRecord<String, String>> each) {
        int scanned = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", stack.kafka().bootstrapServers(), "group.id", group + "-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int idlePolls = 0;
            while (System.nanoTime() < deadline && idlePolls < 5) {
                var records = consumer.poll(Duration.ofMillis(500));
                idlePolls = records.isEmpty() && scanned > 0 ? idlePolls + 1 : 0;
                for (ConsumerRecord<String, String> r : records) {
                    scanned++;
                    each.accept(r);
                }
            }
        }
        return scanned;
    }

    @Test
    void noPersonalDetailInTheServicesLogs() throws Exception {
        personalRoute();
        // A guardian's request left to miss its term: deadline-service logs that, naming the request.
        String id = intake(request("PARENT_ACCESS", TODAY.minusDays(40), "EMAIL", pupil("P-LOGS", 5, false), true,
                ",\"requester\":{\"guardianId\":\"g1\"},\"accessMode\":\"PDF_BY_SECURE_MAIL\""));
        step(ADMIN, id, "shares", "{\"channel\":\"SECURE_MAIL\",\"recipient\":\"111 222 333\"}");
        awaitDeadline(id, "MISSED");
        Await.until("deadline-service logged the missed term", WAIT, () -> {
            try {
                return Files.readString(stack.logFile(DEADLINE)).contains(id);
            } catch (java.io.IOException e) {
                return false;
            }
        });
        int lines = 0;
        int ofThisRequest = 0;
        for (String service : LocalStack.SERVICES) {
            List<String> log = Files.readAllLines(stack.logFile(service));
            lines += log.size();
            for (String line : log) {
                ofThisRequest += line.contains(id) ? 1 : 0;
                for (String personal : PERSONAL) {
                    assertFalse(line.contains(personal), service + " logged '" + personal + "': " + line);
                }
                assertFalse(line.contains("111 222 333") || line.contains("111222333"), "a refused BSN was logged");
            }
        }
        assertTrue(ofThisRequest > 0, "the logs of this test's request were among the " + lines + " lines read");
    }

    /** A request with every kind of personal detail, taken through several steps of every service. */
    static String personalRoute() {
        String id = intake(request("THIRD_PARTY", TODAY, "EMAIL", pupil("P-PRIVACY", 5, false), true,
                ",\"topic\":\"VEILIG_THUIS\",\"requester\":{\"organisation\":\"Veilig Thuis Utrecht\","
                        + "\"name\":\"M. Visser\",\"email\":\"m.visser@veiligthuisutrecht.nl\","
                        + "\"phone\":\"030-1234567\"}"));
        awaitConsentKnown(id);
        consent(DIRECTOR, id, "requests", "{\"guardianId\":\"g1\",\"informationDescription\":\"Schoolresultaten\","
                + "\"requestedBy\":\"M. de Wit\"}").statusCode(200);
        consent(DIRECTOR, id, "grants", "{\"guardianId\":\"g1\",\"evidence\":\"EMAIL\",\"evidenceRef\":\"mail\","
                + "\"recordedBy\":\"M. de Wit\"}").statusCode(200);
        step(ADMIN, id, "answer-draft", "{\"author\":\"M. de Wit\"}").statusCode(200);
        step(COORDINATOR, id, "answer-review", "{\"reviewer\":\"K. Visser\"}").statusCode(200);
        Await.until("the register has the request's steps", WAIT, () -> {
            var r = as(QUALITY_OFFICER, REGISTER).get("/register/" + id);
            return r.statusCode() == 200 && r.jsonPath().getList("timeline").size() >= 6;
        });
        return id;
    }

    /**
     * The whole register (as the CSV has it) and the entry of one request with its timeline, once every request has its
     * consent requirement and two reads a moment apart agree.
     */
    static Map<String, Object> settledRegister(String id) {
        Object[] last = { null };
        Await.until("the register has settled", WAIT, () -> {
            Map<String, Object> now = register(id);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, String>> rows = (Map<String, Map<String, String>>) now.get("csv");
            boolean complete = rows.values().stream().noneMatch(r -> r.get("consentRequirement").isEmpty());
            boolean same = now.equals(last[0]);
            last[0] = now;
            return complete && same;
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> settled = (Map<String, Object>) last[0];
        return settled;
    }

    static Map<String, Object> register(String id) {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        csv().forEach((requestId, row) -> rows.put(requestId, row.toMap()));
        Map<String, Object> entry = as(QUALITY_OFFICER, REGISTER).get("/register/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("");
        entry.remove("rebuilding");
        return Map.of("csv", rows, "entry", entry);
    }
}
