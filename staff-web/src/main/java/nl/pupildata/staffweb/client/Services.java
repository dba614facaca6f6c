package nl.pupildata.staffweb.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The four services' REST APIs (the contract in ARCHITECTURE.md), each call made with the signed-in user's own
 * token ({@link UserToken}): the services decide, as for any other client, what this user may see and do. Every
 * call answers a {@link Response}, so that a refusal's problem can be shown to the user.
 */
public final class Services {

    private Services() {
    }

    @RegisterRestClient(configKey = "request-service")
    @RegisterClientHeaders(UserToken.class)
    @Path("/requests")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public interface Requests {
        @GET
        Response list(@QueryParam("status") String status, @QueryParam("school") String school);

        @GET
        @Path("{id}")
        Response get(@PathParam("id") UUID id);

        @GET
        @Path("next-steps")
        Response nextSteps(@QueryParam("id") List<UUID> ids);

        @POST
        Response receive(String intakeJson);

        @POST
        @Path("{id}/{step}")
        Response step(@PathParam("id") UUID id, @PathParam("step") String step, String bodyJson);

        @GET
        @Path("{id}/letters/{kind}")
        @Produces({ "application/pdf", "application/problem+json" })
        Response letter(@PathParam("id") UUID id, @PathParam("kind") String kind,
                @QueryParam("guardianId") String guardianId);

        @POST
        @Path("{id}/letters/{kind}")
        Response issueLetter(@PathParam("id") UUID id, @PathParam("kind") String kind, String bodyJson);

        @POST
        @Path("{id}/consultations/{consultationId}/answer")
        Response answer(@PathParam("id") UUID id, @PathParam("consultationId") UUID consultationId, String bodyJson);
    }

    @RegisterRestClient(configKey = "consent-service")
    @RegisterClientHeaders(UserToken.class)
    @Path("/requests/{id}/consent")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public interface Consents {
        @GET
        Response get(@PathParam("id") UUID id);

        @POST
        @Path("{what}")
        Response act(@PathParam("id") UUID id, @PathParam("what") String what, String bodyJson);
    }

    @RegisterRestClient(configKey = "deadline-service")
    @RegisterClientHeaders(UserToken.class)
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public interface Deadlines {
        @GET
        @Path("/requests/{id}/deadline")
        Response get(@PathParam("id") UUID id);

        @POST
        @Path("/requests/{id}/deadline/extensions")
        Response extend(@PathParam("id") UUID id, String bodyJson);

        @GET
        @Path("/deadlines")
        Response workList(@QueryParam("status") String status);
    }

    @RegisterRestClient(configKey = "register-service")
    @RegisterClientHeaders(UserToken.class)
    @Path("/register")
    @Produces(MediaType.APPLICATION_JSON)
    public interface Register {
        @GET
        Response list(@QueryParam("school") String school, @QueryParam("kind") String kind,
                @QueryParam("status") String status, @QueryParam("from") String from, @QueryParam("to") String to,
                @QueryParam("page") int page, @QueryParam("size") int size);

        @GET
        @Path("{id}")
        Response get(@PathParam("id") UUID id);

        @GET
        @Path("pupils/{pupilRef}")
        Response pupil(@PathParam("pupilRef") String pupilRef);

        @GET
        @Path("statistics")
        Response statistics(@QueryParam("school") String school, @QueryParam("from") String from,
                @QueryParam("to") String to);

        @GET
        @Path("account")
        Response account(@QueryParam("year") String year, @QueryParam("school") String school);

        @GET
        @Path("account/csv")
        @Produces({ "text/csv", "application/problem+json" })
        Response accountCsv(@QueryParam("year") String year, @QueryParam("school") String school);

        @GET
        @Path("account/pdf")
        @Produces({ "application/pdf", "application/problem+json" })
        Response accountPdf(@QueryParam("year") String year, @QueryParam("school") String school);

        @GET
        @Path("export")
        @Produces("text/csv")
        Response export(@QueryParam("school") String school, @QueryParam("kind") String kind,
                @QueryParam("status") String status, @QueryParam("from") String from, @QueryParam("to") String to);
    }
}
