package nl.pupildata.system;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.client.request.ApiClient;
import nl.pupildata.client.request.ApiException;
import nl.pupildata.client.request.api.RequestsApi;
import nl.pupildata.client.request.model.AccessMode;
import nl.pupildata.client.request.model.AcknowledgementBody;
import nl.pupildata.client.request.model.Created;
import nl.pupildata.client.request.model.Guardian1;
import nl.pupildata.client.request.model.Intake;
import nl.pupildata.client.request.model.Problem;
import nl.pupildata.client.request.model.Pupil1;
import nl.pupildata.client.request.model.ReceivedVia;
import nl.pupildata.client.request.model.RequestDetails;
import nl.pupildata.client.request.model.RequestKind;
import nl.pupildata.client.request.model.Requester;
import nl.pupildata.client.request.model.ShareBody;
import nl.pupildata.client.request.model.ShareChannel;
import nl.pupildata.infra.Await;
import nl.pupildata.runner.LocalStack;
import org.junit.jupiter.api.Test;

/**
 * What an integrator does: generate a Java client from the committed contract (docs/openapi/request-service.yaml,
 * with openapi-generator's maven plugin, at generate-test-sources) and walk a route of the card with it against the
 * running services — intake, a step the card refuses (its problem read back with the rule), the acknowledgement
 * (PA-3), the withdrawal — and find the request in the register.
 */
class GeneratedClientTest {

    static final LocalStack stack = SystemUnderTest.stack();

    static RequestsApi requests(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(stack.url("request-service"));
        String token = stack.token(user);
        client.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + token));
        return new RequestsApi(client);
    }

    @Test
    void anIntegratorsGeneratedClientWalksAGuardiansAccessRequest() throws Exception {
        RequestsApi api = requests("directeur.12ab");
        LocalDate received = LocalDate.now().minusDays(1);
        Created created = api.receive(new Intake().kind(RequestKind.PARENT_ACCESS).schoolBrin("12AB")
                .receivedOn(received).receivedVia(ReceivedVia.EMAIL)
                .pupil(new Pupil1().ref("P-CLIENT").name("Sam de Client").dateOfBirth(LocalDate.of(2017, 3, 1))
                        .group(4))
                .guardians(List.of(new Guardian1().id("g1").name("Anna de Client").email("anna@example.nl")
                        .hasAuthority(true)))
                .guardiansLivingApart(false).requester(new Requester().guardianId("g1"))
                .accessMode(AccessMode.PDF_BY_SECURE_MAIL));
        UUID id = created.getId();
        assertEquals("RECEIVED", created.getStatus());

        RequestDetails details = api.get(id);
        assertEquals("PARENT_ACCESS", details.getKind());
        assertEquals(received, details.getReceivedOn());

        // PA-7: not to an e-mail address typed in by hand. The client reads the problem as the contract describes it.
        ApiException refused = assertThrows(ApiException.class, () -> api.share(id, new ShareBody()
                .channel(ShareChannel.SECURE_MAIL).recipient("anna@example.nl")));
        assertEquals(422, refused.getCode());
        Problem problem = new ObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertEquals("PA-7", problem.getRule());
        assertEquals(422, problem.getStatus());

        RequestDetails acknowledged = api.acknowledge(id, new AcknowledgementBody()
                .expectedOn(LocalDate.now().plusDays(14)).otherGuardiansMentioned(true));
        assertNotNull(acknowledged.getStatus());
        assertEquals("WITHDRAWN", api.withdraw(id).getStatus());

        String officer = stack.token("kwaliteit.bestuur");
        Await.until("the register shows the withdrawn request", java.time.Duration.ofSeconds(60), () -> {
            var r = io.restassured.RestAssured.given().baseUri(stack.url("register-service"))
                    .header("Authorization", "Bearer " + officer).get("/register/" + id);
            return r.statusCode() == 200 && "WITHDRAWN".equals(r.jsonPath().getString("status"));
        });
    }
}
