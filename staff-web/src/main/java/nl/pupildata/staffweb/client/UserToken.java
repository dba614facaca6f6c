package nl.pupildata.staffweb.client;

import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** The signed-in user's access token on every call to a service (token propagation): the page has no rights of its own. */
@ApplicationScoped
public class UserToken implements ClientHeadersFactory {

    @Inject
    AccessTokenCredential accessToken;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", "Bearer " + accessToken.getToken());
        return headers;
    }
}
