package nl.pupildata.request.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The words of one handling step (a consultation's question or advice, a correction's description), kept in this
 * service only, next to the event by its place in the request's stream. Never published (G-1).
 */
@Entity
@Table(name = "request_note")
@IdClass(StreamPlace.class)
public class RequestNote extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Id
    public int version;

    public String text;

    public static RequestNote of(UUID requestId, int version, String text) {
        RequestNote note = new RequestNote();
        note.requestId = requestId;
        note.version = version;
        note.text = text;
        return note;
    }

    /** The request's notes by the version of the event they go with. */
    public static Uni<Map<Integer, String>> byVersion(UUID requestId) {
        return RequestNote.<RequestNote>list("requestId", requestId)
                .map(notes -> notes.stream().collect(Collectors.toMap(n -> n.version, n -> n.text)));
    }
}
