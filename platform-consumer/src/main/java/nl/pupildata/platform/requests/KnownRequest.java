package nl.pupildata.platform.requests;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import nl.pupildata.events.RequestReceived;
import nl.pupildata.platform.problem.ProblemException;
import nl.pupildata.platform.security.Caller;

/** A request this service learned of from {@code RequestReceived}: its school (for access) and kind. */
@Entity
@Table(name = "known_request")
public class KnownRequest extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "school_brin")
    public String schoolBrin;

    public String kind;

    public static KnownRequest of(RequestReceived received) {
        KnownRequest r = new KnownRequest();
        r.requestId = received.requestId();
        r.schoolBrin = received.schoolBrin();
        r.kind = received.kind().name();
        return r;
    }

    /**
     * The request, checked against the caller's schools: 409 while this service has not yet seen its
     * RequestReceived (the caller may retry) — and the same 409, word for word, for a request of a school the caller
     * may not see, so that no request id tells a stranger whether it exists (issue 19).
     */
    public static Uni<KnownRequest> require(UUID id, Caller caller, String serviceName) {
        return KnownRequest.<KnownRequest>findById(id).map(request -> {
            if (request == null || !caller.maySee(request.schoolBrin)) {
                throw ProblemException.conflict("De " + serviceName + " kent verzoek " + id + " (nog) niet, of het is "
                        + "niet van uw school; probeer het over enkele seconden opnieuw.");
            }
            return request;
        });
    }
}
