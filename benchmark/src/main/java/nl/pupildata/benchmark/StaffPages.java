package nl.pupildata.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.pupildata.infra.EmbeddedKeycloak;
import nl.pupildata.runner.LocalStack;

/**
 * The staff web page as one signed-in user's browser reaches it: signed in through Keycloak's own form (the code
 * flow with PKCE, as staff-web asks), then every page read with the session cookie. What a page costs here is
 * what its user waits for: staff-web and the service calls behind it.
 */
final class StaffPages {

    private static final Pattern LOGIN_ACTION = Pattern.compile("action=\"([^\"]*/login-actions/authenticate[^\"]*)\"");

    /**
     * Redirects are followed here, and cookies kept by name and sent back as plain {@code name=value}: with the JDK's
     * CookieManager, Keycloak answered the sign-in with HTTP 400 (the manager sends cookies set with a version
     * attribute back in RFC 2965's quoted form). Every party is on localhost, so names and values are enough.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final String base;

    StaffPages(LocalStack stack, String username) throws Exception {
        base = stack.url(LocalStack.STAFF_WEB);
        HttpResponse<String> form = get("/");
        Matcher action = LOGIN_ACTION.matcher(form.body());
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak sign-in form at " + form.uri() + " (HTTP " + form.statusCode()
                    + ")");
        }
        String credentials = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(EmbeddedKeycloak.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials)));
        if (signedIn.statusCode() != 200 || !signedIn.uri().toString().startsWith(base)) {
            throw new IllegalStateException(username + " was not signed in to staff-web: HTTP " + signedIn.statusCode()
                    + " at " + signedIn.uri() + ": " + signedIn.body().substring(0, Math.min(400,
                    signedIn.body().length())));
        }
    }

    /** The page at {@code path} (with its query), as the signed-in user's browser gets it. */
    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Sends with the cookies, keeps the ones set, and follows redirects (as GET) to the final answer. */
    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        for (int hop = 0; hop < 10; hop++) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                boolean expired = set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0") || value.isEmpty();
                if (expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            var location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return response;
            }
            request = HttpRequest.newBuilder(response.uri().resolve(location.get())).GET();
        }
        throw new IllegalStateException("more than 10 redirects");
    }
}
