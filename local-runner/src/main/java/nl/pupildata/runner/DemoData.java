package nl.pupildata.runner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.pupildata.events.SchoolTime;

/**
 * A handful of realistic example requests, entered over the API as school staff would, so that a newcomer
 * who starts the stack with {@code --demo} sees a populated register and work list. The people are invented.
 */
public final class DemoData {

    /** How many requests {@link #load} enters. */
    public static final int COUNT = 9;

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private final LocalStack stack;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String director12;
    private final String coordinator12;
    private final String director34;
    private final String coordinator34;
    private final String qualityOfficer;

    /** Entered as the realm's demo users would (tokens from the run's Keycloak). */
    public DemoData(LocalStack stack) {
        this.stack = stack;
        this.director12 = stack.token("directeur.12ab");
        this.coordinator12 = stack.token("kc.12ab");
        this.director34 = stack.token("directeur.34cd");
        this.coordinator34 = stack.token("kc.34cd");
        this.qualityOfficer = stack.token("kwaliteit.bestuur");
    }

    public int load() throws IOException, InterruptedException {
        LocalDate today = SchoolTime.today(); // the schools' date, as the services judge it
        String apart = """
                "guardians":[{"id":"g1","name":"Fatima el Amrani","email":"fatima.elamrani@example.nl","hasAuthority":true},
                             {"id":"g2","name":"Youssef el Amrani","email":"youssef.elamrani@example.nl","hasAuthority":true}],
                "guardiansLivingApart":true""";
        String together = """
                "guardians":[{"id":"g1","name":"Sanne de Boer","email":"sanne.deboer@example.nl","hasAuthority":true},
                             {"id":"g2","name":"Pieter de Boer","email":"pieter.deboer@example.nl","hasAuthority":true}],
                "guardiansLivingApart":false""";
        // 1. A guardian's access request, acknowledged and reviewed, waiting to be sent.
        String access = post(director12, "request-service", "/requests", """
                {"kind":"PARENT_ACCESS","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"EMAIL",
                 "pupil":{"ref":"L-20417","name":"Noor el Amrani","dateOfBirth":"2016-09-14","group":5},%s,
                 "requester":{"guardianId":"g1"},"accessMode":"PDF_BY_SECURE_MAIL"}""".formatted(today.minusDays(5), apart));
        post(director12, "request-service", "/requests/" + access + "/acknowledgement",
                "{\"expectedOn\":\"" + today.plusDays(10) + "\",\"otherGuardiansMentioned\":true}");
        post(coordinator12, "request-service", "/requests/" + access + "/review",
                "{\"otherPupilsPseudonymised\":true,\"homeSituationChecked\":true}");
        // 2. An access request left too long: its term is missed.
        post(director12, "request-service", "/requests", """
                {"kind":"PARENT_ACCESS","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"LETTER",
                 "pupil":{"ref":"L-19883","name":"Daan de Boer","dateOfBirth":"2015-02-03","group":7},%s,
                 "requester":{"guardianId":"g2"},"accessMode":"INSPECTION_AT_SCHOOL"}""".formatted(today.minusDays(31), together));
        // 3. An access request whose term ends within the week.
        post(director12, "request-service", "/requests", """
                {"kind":"PARENT_ACCESS","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"EMAIL",
                 "pupil":{"ref":"L-21002","name":"Mila Jansen","dateOfBirth":"2018-06-21","group":3},
                 "guardians":[{"id":"g1","name":"Eva Jansen","email":"eva.jansen@example.nl","hasAuthority":true}],
                 "guardiansLivingApart":false,"requester":{"guardianId":"g1"},"accessMode":"PDF_BY_SECURE_MAIL"}"""
                .formatted(today.minusDays(24)));
        // 4. Veilig Thuis, by e-mail from a work address.
        post(director12, "request-service", "/requests", """
                {"kind":"THIRD_PARTY","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"EMAIL",
                 "pupil":{"ref":"L-20417","name":"Noor el Amrani","dateOfBirth":"2016-09-14","group":5},%s,
                 "topic":"VEILIG_THUIS","requester":{"organisation":"Veilig Thuis Utrecht","name":"M. Visser",
                 "email":"m.visser@veiligthuisutrecht.nl"}}""".formatted(today.minusDays(2), apart));
        // 5. A mid-year transfer to another primary school.
        post(director12, "request-service", "/requests", """
                {"kind":"SCHOOL_TRANSFER","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"OSO",
                 "pupil":{"ref":"L-19883","name":"Daan de Boer","dateOfBirth":"2015-02-03","group":7,"hasDoorstroomtoets":false},
                 %s,"receivingSchool":{"brin":"77XY","name":"Basisschool De Regenboog"}}""".formatted(today.minusDays(1), together));
        // 6. A speech therapist at another school of the board.
        post(director34, "request-service", "/requests", """
                {"kind":"THIRD_PARTY","schoolBrin":"34CD","receivedOn":"%s","receivedVia":"PHONE",
                 "pupil":{"ref":"L-30110","name":"Lotte Bakker","dateOfBirth":"2019-01-30","group":2},
                 "guardians":[{"id":"g1","name":"Iris Bakker","email":"iris.bakker@example.nl","hasAuthority":true}],
                 "guardiansLivingApart":false,"topic":"SPEECH_THERAPY",
                 "requester":{"organisation":"Logopediepraktijk Oost","name":"A. Smit","phone":"030-1234567"}}"""
                .formatted(today));
        // Three handled to the end, so the yearly account has outcomes to count:
        // 7. An access request at 34CD, reviewed, sent within its term and closed.
        String sent = post(director34, "request-service", "/requests", """
                {"kind":"PARENT_ACCESS","schoolBrin":"34CD","receivedOn":"%s","receivedVia":"EMAIL",
                 "pupil":{"ref":"L-30245","name":"Sem Visser","dateOfBirth":"2017-04-11","group":4},
                 "guardians":[{"id":"g1","name":"Anouk Visser","email":"anouk.visser@example.nl","hasAuthority":true}],
                 "guardiansLivingApart":false,"requester":{"guardianId":"g1"},"accessMode":"PDF_BY_SECURE_MAIL"}"""
                .formatted(today.minusDays(20)));
        post(director34, "request-service", "/requests/" + sent + "/acknowledgement",
                "{\"expectedOn\":\"" + today + "\",\"otherGuardiansMentioned\":false}");
        post(coordinator34, "request-service", "/requests/" + sent + "/review",
                "{\"otherPupilsPseudonymised\":true,\"homeSituationChecked\":true}");
        post(director34, "request-service", "/requests/" + sent + "/shares", """
                {"channel":"SECURE_MAIL","recipient":"anouk.visser@example.nl","exportedFromPupilAdministration":true}""");
        post(director34, "request-service", "/requests/" + sent + "/closure", "{}");
        // 8. A dyslexia practice's question, refused after the quality officer's advice (G-11).
        String refused = post(director12, "request-service", "/requests", """
                {"kind":"THIRD_PARTY","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"EMAIL",
                 "pupil":{"ref":"L-21002","name":"Mila Jansen","dateOfBirth":"2018-06-21","group":3},
                 "guardians":[{"id":"g1","name":"Eva Jansen","email":"eva.jansen@example.nl","hasAuthority":true}],
                 "guardiansLivingApart":false,"topic":"DYSLEXIA_CARE",
                 "requester":{"organisation":"Dyslexiezorg Midden","name":"J. de Vries",
                 "email":"j.devries@dyslexiezorgmidden.nl"}}""".formatted(today.minusDays(6)));
        String consultation = firstOf("consultations", send(director12, "request-service",
                "/requests/" + refused + "/consultations",
                "{\"officer\":\"QUALITY_OFFICER\",\"question\":\"De praktijk vraagt meer dan nodig is; weigeren?\"}"));
        post(qualityOfficer, "request-service", "/requests/" + refused + "/consultations/" + consultation + "/answer",
                "{\"advice\":\"Weigeren: de vraag gaat verder dan de behandeling nodig heeft.\",\"on\":\"" + today
                        + "\"}");
        post(director12, "request-service", "/requests/" + refused + "/refusal",
                "{\"partial\":false,\"reason\":\"De gevraagde gegevens zijn niet nodig voor de behandeling.\"}");
        // 9. A speech therapist's question, withdrawn by the practice.
        String withdrawn = post(director12, "request-service", "/requests", """
                {"kind":"THIRD_PARTY","schoolBrin":"12AB","receivedOn":"%s","receivedVia":"EMAIL",
                 "pupil":{"ref":"L-20417","name":"Noor el Amrani","dateOfBirth":"2016-09-14","group":5},%s,
                 "topic":"SPEECH_THERAPY","requester":{"organisation":"Logopedie Centrum","name":"R. Bos",
                 "email":"r.bos@logopediecentrum.nl"}}""".formatted(today.minusDays(9), apart));
        post(director12, "request-service", "/requests/" + withdrawn + "/withdrawal", "{}");
        return COUNT;
    }

    /** Sends a command; the id in its answer (the request's). */
    private String post(String token, String service, String path, String body)
            throws IOException, InterruptedException {
        Matcher m = ID.matcher(send(token, service, path, body));
        return m.find() ? m.group(1) : null;
    }

    /** Sends a command; its answer. */
    private String send(String token, String service, String path, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.url(service) + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("Demo data refused at " + path + ": " + response.body());
        }
        return response.body();
    }

    /** The id of the first element of a list in an answer ({@code "consultations":[{"id":…}]}). */
    private static String firstOf(String list, String answer) {
        Matcher m = Pattern.compile("\"" + list + "\"\\s*:\\s*\\[\\s*\\{[^}]*?\"id\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(answer);
        if (!m.find()) {
            throw new IllegalStateException("No " + list + " in " + answer);
        }
        return m.group(1);
    }
}
