package nl.pupildata.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.pupildata.runner.LocalStack;

/** The system's REST API as a client sees it: one HTTP/1.1 client with keep-alive, development tokens. */
final class Api {

    static final String SCHOOL = "12AB";
    /** A director of both benchmark schools, made for the run. */
    static final String DIRECTOR = "bench.director";

    /** The seeded school whose register the growth phase reads (see {@link Growth}). */
    static final String SEEDED_SCHOOL = "12AX";

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern LAG = Pattern.compile("(?m)^pupil_data_consumer_lag\\{[^}]*} ([0-9.eE+]+)$");
    private static final AtomicLong PUPILS = new AtomicLong();
    private static final AtomicLong TURN = new AtomicLong();

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalStack stack;

    /** Tokens from the run's Keycloak: a director of both benchmark schools (made for it), the board's officer. */
    Api(LocalStack stack) {
        this.stack = stack;
        stack.keycloak().createUser(DIRECTOR, "DIRECTOR", List.of(SCHOOL, SEEDED_SCHOOL));
    }

    String director() {
        return "Bearer " + stack.token(DIRECTOR);
    }

    String officer() {
        return "Bearer " + stack.token("kwaliteit.bestuur");
    }

    /** A complete, valid access request by a guardian (PA-1), each with its own pupil reference. */
    static String accessRequest() {
        long n = PUPILS.incrementAndGet();
        return """
                {"kind":"PARENT_ACCESS","schoolBrin":"%s","receivedOn":"%s","receivedVia":"EMAIL",
                 "pupil":{"ref":"BENCH-%d","name":"Sam de Vries","dateOfBirth":"2017-03-01","group":4},
                 "guardians":[{"id":"g1","name":"Anna de Vries","email":"anna@example.nl","hasAuthority":true},
                              {"id":"g2","name":"Bram de Vries","email":"bram@example.nl","hasAuthority":true}],
                 "guardiansLivingApart":true,"requester":{"guardianId":"g1"},"accessMode":"PDF_BY_SECURE_MAIL"}"""
                .formatted(SCHOOL, LocalDate.now(), n);
    }

    /**
     * POST /requests, to each running request-service instance in turn; the new request's id, or null when it was
     * not accepted.
     */
    String intake() throws IOException, InterruptedException {
        List<String> instances = stack.running("request-service");
        String instance = instances.isEmpty() ? "request-service"
                : instances.get((int) (TURN.getAndIncrement() % instances.size()));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.url(instance) + "/requests"))
                .header("Authorization", director()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(accessRequest())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            return null;
        }
        Matcher m = ID.matcher(r.body());
        return m.find() ? m.group(1) : null;
    }

    /** Events not yet processed, summed over every running instance's consumers and topics (its metrics). */
    long consumerLag() throws IOException, InterruptedException {
        long lag = 0;
        for (String instance : LocalStack.SERVICES.stream().flatMap(s -> stack.running(s).stream()).toList()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.managementUrl(instance) + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = LAG.matcher(r.body());
            while (m.find()) {
                lag += (long) Double.parseDouble(m.group(1));
            }
        }
        return lag;
    }

    HttpResponse<String> get(String service, String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.url(service) + path)).header("Authorization", token)
                .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String service, String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.url(service) + path)).header("Authorization", token)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
