package nl.pupildata.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.*;
import nl.pupildata.infra.Await;
import nl.pupildata.runner.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile input at every POST endpoint: valid bodies mutated at random (fields removed, nulled or
 * of the wrong type, huge strings and arrays, unusual Unicode, numbers out of range, unknown fields, deep
 * nesting, malformed JSON, wrong content types). Whatever comes in: never a 5xx, always a problem body, and
 * a refused command leaves the service's event store as it was. Reproducible: the seed is printed and can be
 * set with {@code -Dpupil-data.fuzz.seed}; {@code -Dpupil-data.fuzz.tries} sets the inputs per endpoint.
 */
class BadInputTest {

    static final int TRIES = Integer.getInteger("pupil-data.fuzz.tries", 60);
    static final long SEED = Long.getLong("pupil-data.fuzz.seed", System.nanoTime());
    static final LocalStack stack = SystemUnderTest.stack();
    static final String DIRECTOR = stack.token("directeur.12ab");
    static final String OFFICER = stack.token("kwaliteit.bestuur");
    static final String PRIVACY = stack.token("privacy.bestuur");
    static String requestId;
    static final Map<String, Map<Integer, Integer>> outcomes = new TreeMap<>();

    @BeforeAll
    static void aRequestToAimAt() {
        requestId = given().baseUri(stack.url("request-service")).header("Authorization", "Bearer " + DIRECTOR)
                .contentType("application/json").body(INTAKE).post("/requests").then().statusCode(201)
                .extract().path("id");
        for (String service : List.of("consent-service", "deadline-service")) {
            String path = service.equals("consent-service") ? "/requests/" + requestId + "/consent"
                    : "/requests/" + requestId + "/deadline";
            // 409 means "not seen yet"; deadline-service then answers 404: a third-party request has no term.
            Await.until(service + " knows the request", Duration.ofSeconds(60), () -> given()
                    .baseUri(stack.url(service)).header("Authorization", "Bearer " + OFFICER).get(path).statusCode() != 409);
        }
    }

    @AfterAll
    static void report() {
        StringBuilder b = new StringBuilder("Bad input (seed " + SEED + ", " + TRIES + " inputs per endpoint):\n");
        outcomes.forEach((endpoint, statuses) -> b.append(String.format("  %-55s %s%n", endpoint, statuses)));
        System.out.println(b);
    }

    static final String INTAKE = """
            {"kind":"THIRD_PARTY","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"EMAIL",
             "pupil":{"ref":"P-FUZZ","name":"Kim","dateOfBirth":"2017-01-01","group":4,"hasDoorstroomtoets":false},
             "guardians":[{"id":"g1","name":"Ouder","email":"ouder@example.nl","hasAuthority":true}],
             "guardiansLivingApart":false,"topic":"DYSLEXIA_CARE",
             "requester":{"organisation":"Dyslexiezorg","name":"A","email":"a@zorg.nl","phone":"030"},
             "fields":{"hulpvraag":"lezen"}}""".formatted(LocalDate.now());

    record Endpoint(String service, String path, String token, String validBody, String database) {
    }

    static List<Endpoint> endpoints() {
        String r = "/requests/" + requestId;
        String today = LocalDate.now().toString();
        List<Endpoint> list = new ArrayList<>();
        list.add(new Endpoint("request-service", "/requests", DIRECTOR, INTAKE, "request_service"));
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("acknowledgement", "{\"expectedOn\":\"" + LocalDate.now().plusDays(9)
                + "\",\"otherGuardiansMentioned\":true}");
        steps.put("review", "{\"reviewedBy\":\"x\",\"otherPupilsPseudonymised\":true,\"homeSituationChecked\":true}");
        steps.put("answer-draft", "{\"author\":\"x\"}");
        steps.put("answer-review", "{\"reviewer\":\"y\"}");
        steps.put("guardians-informed", "{\"on\":\"" + today + "\"}");
        steps.put("guardian-inspection", "{\"on\":\"" + today + "\",\"agrees\":true,\"statementAdded\":false}");
        steps.put("shares", "{\"channel\":\"SECURE_MAIL\",\"sharedBy\":\"x\",\"recipient\":\"r\",\"callbackVerified\":true,"
                + "\"staffPresent\":[\"a\",\"b\"],\"sections\":[{\"section\":\"TOETSRESULTATEN\",\"notable\":true,"
                + "\"since\":\"" + today + "\",\"hadVve\":false}],\"otherPupilsPseudonymised\":true,"
                + "\"exportedFromPupilAdministration\":true,\"dossierOpenOnPupil\":true,\"neverLeftAlone\":true,"
                + "\"categories\":[\"SUPPORT_QUESTION\"],\"categoriesRelevant\":true}");
        steps.put("delivery-confirmation", "{}");
        steps.put("other-guardian-notices", "{\"guardianId\":\"g1\"}");
        steps.put("corrections", "{\"description\":\"datum\"}");
        steps.put("correction-decision", "{\"outcome\":\"PARTLY_MADE\",\"reason\":\"r\"}");
        steps.put("statements", "{}");
        steps.put("warm-handover", "{\"askedBy\":\"RECEIVING_SCHOOL\"}");
        steps.put("access-copies", "{\"on\":\"" + today + "\"}");
        steps.put("refusal", "{\"partial\":true,\"reason\":\"r\"}");
        steps.put("consultations", "{\"officer\":\"QUALITY_OFFICER\",\"question\":\"q\"}");
        steps.put("research-decision", "{\"decision\":\"DECLINE\",\"reason\":\"r\"}");
        steps.forEach((step, body) -> list.add(new Endpoint("request-service", r + "/" + step, DIRECTOR, body,
                "request_service")));
        list.add(new Endpoint("consent-service", r + "/consent/requests", DIRECTOR,
                "{\"guardianId\":\"g1\",\"informationDescription\":\"d\",\"requestedBy\":\"x\"}", "consent_service"));
        list.add(new Endpoint("consent-service", r + "/consent/grants", DIRECTOR,
                "{\"guardianId\":\"g1\",\"evidence\":\"EMAIL\",\"evidenceRef\":\"m\",\"recordedBy\":\"x\"}", "consent_service"));
        list.add(new Endpoint("consent-service", r + "/consent/refusals", DIRECTOR,
                "{\"guardianId\":\"g1\",\"recordedBy\":\"x\"}", "consent_service"));
        list.add(new Endpoint("consent-service", r + "/consent/withdrawals", DIRECTOR,
                "{\"guardianId\":\"g1\",\"recordedBy\":\"x\"}", "consent_service"));
        list.add(new Endpoint("consent-service", r + "/consent/exemptions", DIRECTOR,
                "{\"ground\":\"SAFEGUARDING\",\"reason\":\"r\"}", "consent_service"));
        list.add(new Endpoint("deadline-service", r + "/deadline/extensions", PRIVACY,
                "{\"reason\":\"r\",\"approvedBy\":\"p\",\"guardiansNotifiedOn\":\"" + today + "\"}", "deadline_service"));
        // Last: a correction that is taken changes the guardians the endpoints above name.
        list.add(new Endpoint("request-service", r + "/guardians", DIRECTOR, "{\"guardians\":[{\"id\":\"g1\","
                + "\"name\":\"Ouder\",\"email\":\"ouder@example.nl\",\"hasAuthority\":true}],\"guardiansLivingApart\":false}",
                "request_service"));
        return list;
    }

    @Test
    void neverA5xx_alwaysAProblem_andARefusedCommandChangesNoEventStore() throws Exception {
        Random random = new Random(SEED);
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (int i = 0; i < TRIES; i++) {
                Mutation m = Mutation.of(e.validBody(), random);
                long before = events(e.database());
                Response response = given().baseUri(stack.url(e.service())).header("Authorization", "Bearer " + e.token())
                        .contentType(m.contentType()).body(m.body()).post(e.path());
                int status = response.statusCode();
                long after = events(e.database());
                outcomes.computeIfAbsent(e.service() + " POST " + e.path().replace(requestId, "{id}"),
                        k -> new TreeMap<>()).merge(status, 1, Integer::sum);
                String what = e.path().replace(requestId, "{id}") + " with " + m.description() + ": ";
                if (status >= 500) {
                    wrong.add(what + status + " " + abbreviate(response.asString()));
                }
                if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                    wrong.add(what + status + " without a problem body (" + response.contentType() + ")");
                }
                if (status >= 400 && after != before) {
                    wrong.add(what + status + " but the event store changed (" + before + " -> " + after + ")");
                }
            }
        }
        assertTrue(wrong.isEmpty(), "inputs handled badly (seed " + SEED + "):\n" + String.join("\n", wrong));
    }

    /**
     * Events that a command could have appended: all of request-service's (nothing else appends there), and
     * the target request's stream elsewhere (consent-service appends to other streams on its own).
     */
    static long events(String database) throws Exception {
        String sql = database.equals("request_service") ? "select count(*) from event_store"
                : "select count(*) from event_store where stream_id = '" + requestId + "'";
        try (ResultSet rs = connection(database).createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One connection per database for the whole test: a new one for each count took three quarters of its time. */
    static final Map<String, Connection> connections = new HashMap<>();

    static Connection connection(String database) throws Exception {
        Connection c = connections.get(database);
        if (c == null) {
            c = DriverManager.getConnection(stack.postgres().jdbcUrl(database), "postgres", "postgres");
            connections.put(database, c);
        }
        return c;
    }

    @AfterAll
    static void closeConnections() throws Exception {
        for (Connection c : connections.values()) {
            c.close();
        }
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** One generated input: a valid body changed in one to three ways, or something that is no JSON at all. */
    record Mutation(String body, String contentType, String description) {

        static final String[] ODD_TEXT = { "\u202Eevil\u202C", "👩‍👩‍👧‍👦", "\u200B\u200D", "\\u0000", "\\uD800",
                "Ω≈ç√∫˜µ≤", "' OR 1=1 --", "<script>alert(1)</script>", "𝕿𝖊𝖘𝖙", "\\n\\r\\t" };

        static Mutation of(String valid, Random random) {
            int kind = random.nextInt(14);
            switch (kind) {
                case 0:
                    return new Mutation(valid.substring(0, random.nextInt(Math.max(1, valid.length() - 1))),
                            "application/json", "malformed (truncated) JSON");
                case 1:
                    return new Mutation(valid, random.nextBoolean() ? "text/plain" : "application/xml",
                            "a wrong content type");
                case 2:
                    return new Mutation("", "application/json", "an empty body");
                case 3:
                    return new Mutation("[".repeat(2000) + "]".repeat(2000), "application/json", "deep nesting");
                case 4:
                    return new Mutation(random.nextBoolean() ? "null" : random.nextBoolean() ? "42" : "\"text\"",
                            "application/json", "a JSON scalar");
                default:
                    break;
            }
            String body = valid;
            StringBuilder description = new StringBuilder();
            int changes = 1 + random.nextInt(3);
            for (int i = 0; i < changes; i++) {
                List<int[]> values = valueSpans(body);
                if (values.isEmpty()) {
                    break;
                }
                int[] span = values.get(random.nextInt(values.size()));
                String replacement;
                switch (random.nextInt(9)) {
                    case 0 -> replacement = "null";
                    case 1 -> replacement = "\"" + "x".repeat(100_000) + "\"";
                    case 2 -> replacement = "[" + "1,".repeat(10_000) + "1]";
                    case 3 -> replacement = "\"" + ODD_TEXT[random.nextInt(ODD_TEXT.length)] + "\"";
                    case 4 -> replacement = List.of("1e400", "-9223372036854775809", "18446744073709551616", "NaN",
                            "-0", "0.5").get(random.nextInt(6));
                    case 5 -> replacement = List.of("true", "{}", "[]", "\"\"", "12").get(random.nextInt(5));
                    case 6 -> replacement = "\"2026-02-30\"";
                    case 7 -> replacement = "{\"nested\":{\"deeper\":[1,2,3]}}";
                    default -> replacement = "\"" + Long.toString(random.nextLong(), 36) + "\"";
                }
                description.append(i == 0 ? "" : " + ").append("value → ")
                        .append(replacement.length() > 30 ? replacement.substring(0, 30) + "…" : replacement);
                body = body.substring(0, span[0]) + replacement + body.substring(span[1]);
            }
            if (random.nextInt(4) == 0) {
                body = body.replaceFirst("\\{", "{\"unexpected\":" + random.nextInt() + ",");
                description.append(" + an unknown field");
            }
            if (random.nextInt(5) == 0) {
                body = body.replaceFirst("\"[a-zA-Z]+\":(\"[^\"]*\"|true|false|null|-?[0-9]+),?", "");
                description.append(" + a field removed");
            }
            return new Mutation(body, "application/json", description.toString());
        }

        /** Where the JSON values (strings, numbers, booleans, null) stand in the text. */
        static List<int[]> valueSpans(String json) {
            List<int[]> spans = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile(":\\s*+(\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"|-?[0-9.]++|true|false|null)")
                    .matcher(json);
            while (m.find()) {
                spans.add(new int[] { m.start(1), m.end(1) });
            }
            return spans;
        }
    }
}
