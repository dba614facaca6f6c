package nl.pupildata.staffweb.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.pupildata.staffweb.service.Viewer;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** What staff see when a service does not answer, or when a page is not for their role: a page in Dutch, not a trace. */
public class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance failure(Viewer viewer, String title, String detail);
    }

    @Inject
    Viewer viewer;

    @ServerExceptionMapper
    public Response serviceDown(ProcessingException e) {
        LOG.warnf("A service did not answer: %s", e.getMessage());
        return page(Response.Status.SERVICE_UNAVAILABLE, "Even geen verbinding",
                "Een van de onderdelen van het systeem antwoordt nu niet. Er is niets vastgelegd of verloren; "
                        + "probeer het over een minuut opnieuw.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(Response.Status.FORBIDDEN, "Niet voor uw rol", e.getMessage());
    }

    private Response page(Response.Status status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.failure(viewer, title, detail)).build();
    }
}
