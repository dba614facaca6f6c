package nl.pupildata.staffweb.service;

import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import nl.pupildata.staffweb.client.Api;

/** What a service answered: the value, or the problem it refused with. */
public record Answer<T>(T value, Api.Problem problem) {

    public boolean ok() {
        return problem == null;
    }

    public static <T> Answer<T> of(Response response, Class<T> type) {
        try (response) {
            return response.getStatus() < 300 ? new Answer<>(response.readEntity(type), null) : refused(response);
        }
    }

    public static <T> Answer<T> of(Response response, GenericType<T> type) {
        try (response) {
            return response.getStatus() < 300 ? new Answer<>(response.readEntity(type), null) : refused(response);
        }
    }

    private static <T> Answer<T> refused(Response response) {
        Api.Problem problem;
        try {
            problem = response.readEntity(Api.Problem.class);
        } catch (RuntimeException unreadable) {
            problem = null;
        }
        if (problem == null) {
            problem = new Api.Problem("about:blank", "Error", response.getStatus(),
                    "De dienst gaf geen antwoord (HTTP " + response.getStatus() + ").", null, null);
        }
        return new Answer<>(null, problem);
    }
}
