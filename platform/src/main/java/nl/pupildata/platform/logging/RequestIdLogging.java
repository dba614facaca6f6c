package nl.pupildata.platform.logging;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the request id of the pupil-data request being handled (the UUID in the path) into the log context,
 * so every log line of that HTTP call carries it; consumers do the same for the event they apply.
 */
public class RequestIdLogging {

    public static final String KEY = "requestId";
    private static final Pattern ID = Pattern.compile(
            "/(?:requests|register)/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

    @ServerRequestFilter(preMatching = true)
    public void tag(ContainerRequestContext request) {
        Matcher m = ID.matcher(request.getUriInfo().getPath());
        if (m.find()) {
            MDC.put(KEY, m.group(1));
        } else {
            MDC.remove(KEY);
        }
    }

    @ServerResponseFilter
    public void untag() {
        MDC.remove(KEY);
    }
}
