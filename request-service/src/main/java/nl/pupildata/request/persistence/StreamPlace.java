package nl.pupildata.request.persistence;

import java.io.Serializable;
import java.util.UUID;

/** The key of a row kept next to an event of a request: the request and the event's place in its stream. */
public record StreamPlace(UUID requestId, int version) implements Serializable {
    public StreamPlace() {
        this(null, 0);
    }
}
