package nl.pupildata.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.pupildata.infra.Await;
import nl.pupildata.runner.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint × every role × own school / other school / no school claim / no token / expired token /
 * wrong signature, as the table in docs/security.md says: the test reads that table, so the documentation
 * and the system cannot disagree.
 */
class AuthorisationMatrixTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String INTAKE = """
            {"kind":"PARENT_ACCESS","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"EMAIL",
             "pupil":{"ref":"P-MATRIX","name":"Kim","dateOfBirth":"2017-01-01","group":4},
             "guardians":[{"id":"g1","name":"Ouder","email":"ouder@example.nl","hasAuthority":true}],
             "guardiansLivingApart":false,"requester":{"guardianId":"g1"},"accessMode":"PDF_BY_SECURE_MAIL"}"""
            .formatted(LocalDate.now());
    static final LocalStack stack = SystemUnderTest.stack();
    static String requestId;

    /** The realm's demo user of each role at school 12AB (board roles: the board's). */
    static final Map<String, String> AT_12AB = Map.of("DIRECTOR", "directeur.12ab", "QUALITY_COORDINATOR", "kc.12ab",
            "ADMIN_STAFF", "administratie.12ab", "SAFEGUARDING_OFFICER", "aandacht.12ab",
            "QUALITY_OFFICER", "kwaliteit.bestuur", "PRIVACY_OFFICER", "privacy.bestuur");
    /** … and of each school role at the other school, 34CD. */
    static final Map<String, String> AT_34CD = Map.of("DIRECTOR", "directeur.34cd", "QUALITY_COORDINATOR", "kc.34cd",
            "ADMIN_STAFF", "administratie.34cd", "SAFEGUARDING_OFFICER", "aandacht.34cd");

    @BeforeAll
    static void aRequestOfSchool12ABKnownToEveryService() {
        String director = stack.token("directeur.12ab");
        requestId = given().baseUri(stack.url("request-service")).header("Authorization", "Bearer " + director)
                .contentType(ContentType.JSON).body(INTAKE).post("/requests").then().statusCode(201).extract().path("id");
        String officer = stack.token("kwaliteit.bestuur");
        // A school role without any school: made in the realm for this test.
        for (String role : SCHOOL_ROLES) {
            stack.keycloak().createUser(noSchoolUser(role), role, List.of());
        }
        for (String path : List.of("consent-service|/requests/" + requestId + "/consent",
                "deadline-service|/requests/" + requestId + "/deadline", "register-service|/register/" + requestId)) {
            String[] p = path.split("\\|");
            Await.until(p[0] + " knows the request", WAIT, () -> given().baseUri(stack.url(p[0]))
                    .header("Authorization", "Bearer " + officer).get(p[1]).statusCode() == 200);
        }
    }

    record Row(String service, String method, String path, List<String> cells) {
    }

    static final List<String> ROLES = List.of("DIRECTOR", "QUALITY_COORDINATOR", "ADMIN_STAFF",
            "SAFEGUARDING_OFFICER", "QUALITY_OFFICER", "PRIVACY_OFFICER");
    static final List<String> SCHOOL_ROLES = List.of("DIRECTOR", "QUALITY_COORDINATOR", "ADMIN_STAFF",
            "SAFEGUARDING_OFFICER");

    static List<Row> table() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(SystemUnderTest.ROOT.resolve("docs/security.md"))) {
            if (!line.startsWith("| ") || line.startsWith("| service") || !line.contains("`")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.split("\\|")).map(String::trim).filter(c -> !c.isEmpty()).toList();
            if (!cells.get(0).endsWith("-service")) {
                continue; // another table of the page
            }
            String[] endpoint = cells.get(1).replace("`", "").split(" ");
            rows.add(new Row(cells.get(0), endpoint[0], endpoint[1], cells.subList(2, cells.size())));
        }
        return rows;
    }

    @Test
    void everyCellOfTheMatrixInDocsSecurityMdHolds() throws Exception {
        List<Row> rows = table();
        assertTrue(rows.size() >= 30, "endpoints in the table: " + rows.size());
        List<String> wrong = new ArrayList<>();
        int cellsChecked = 0;
        for (Row row : rows) {
            assertEquals(ROLES.size() + 5, row.cells().size(), row.path());
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                cellsChecked += check(row, row.cells().get(i), stack.token(AT_12AB.get(role)), role, wrong);
            }
            String schoolRole = null;
            for (int i = 0; i < SCHOOL_ROLES.size(); i++) {
                if (row.cells().get(ROLES.indexOf(SCHOOL_ROLES.get(i))).equals("✓")) {
                    schoolRole = SCHOOL_ROLES.get(i);
                    break;
                }
            }
            String anyAllowed = ROLES.get(row.cells().subList(0, ROLES.size()).indexOf("✓"));
            if (schoolRole != null) {
                cellsChecked += check(row, row.cells().get(6), stack.token(AT_34CD.get(schoolRole)),
                        schoolRole + " of another school", wrong);
                cellsChecked += check(row, row.cells().get(7), stack.token(noSchoolUser(schoolRole)),
                        schoolRole + " without schools", wrong);
            }
            cellsChecked += check(row, row.cells().get(8), null, "no token", wrong);
            cellsChecked += check(row, row.cells().get(9), ForgedTokens.withOldDevelopmentKey(stack, anyAllowed),
                    "the old development key", wrong);
            cellsChecked += check(row, row.cells().get(10), ForgedTokens.withUnknownKey(stack, anyAllowed),
                    "wrong signature", wrong);
        }
        assertTrue(wrong.isEmpty(), "cells that do not hold:\n" + String.join("\n", wrong));
        System.out.printf("Authorisation matrix: %d endpoints, %d cells checked%n", rows.size(), cellsChecked);
    }

    /** Issue 19: no existence oracle — another school's request answers word for word as an unknown one. */
    @Test
    void anotherSchoolsRequestAnswersExactlyLikeOneThatDoesNotExist() {
        String stranger = stack.token(AT_34CD.get("DIRECTOR"));
        String unknown = java.util.UUID.randomUUID().toString();
        for (String path : List.of("request-service|/requests/{id}", "request-service|/requests/{id}/letters/acknowledgement",
                "consent-service|/requests/{id}/consent", "deadline-service|/requests/{id}/deadline",
                "register-service|/register/{id}")) {
            String[] p = path.split("\\|");
            Response foreign = given().baseUri(stack.url(p[0])).header("Authorization", "Bearer " + stranger)
                    .get(p[1].replace("{id}", requestId));
            Response absent = given().baseUri(stack.url(p[0])).header("Authorization", "Bearer " + stranger)
                    .get(p[1].replace("{id}", unknown));
            assertTrue(foreign.statusCode() == 404 || foreign.statusCode() == 409, path + ": " + foreign.statusCode());
            assertEquals(absent.statusCode(), foreign.statusCode(), path);
            assertEquals(absent.contentType(), foreign.contentType(), path);
            assertEquals(absent.asString().replace(unknown, "{id}"), foreign.asString().replace(requestId, "{id}"),
                    path + ": the same words");
        }
    }

    static String noSchoolUser(String role) {
        return "zonder-school." + role.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static int check(Row row, String expected, String token, String who, List<String> wrong) {
        if (expected.equals("—")) {
            return 0;
        }
        RequestSpecification spec = given().baseUri(stack.url(row.service())).contentType(ContentType.JSON);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        String path = row.path().replace("{id}", requestId).replace("{pupilRef}", "P-MATRIX")
                .replace("{consultationId}", java.util.UUID.randomUUID().toString());
        // Intake names its school in the body; every other command names the request in the path.
        String body = row.path().equals("/requests") ? INTAKE : "{}";
        Response response = row.method().equals("GET") ? spec.get(path) : spec.body(body).post(path);
        int status = response.statusCode();
        boolean holds = expected.startsWith("✓") ? status != 401 && status != 403 : status == Integer.parseInt(expected);
        if (status == 401 || status == 403) {
            holds &= String.valueOf(response.contentType()).startsWith("application/problem+json");
        }
        if (!holds) {
            wrong.add(row.method() + " " + row.path() + " as " + who + ": expected " + expected + ", got " + status
                    + " " + response.contentType());
        }
        return 1;
    }
}
