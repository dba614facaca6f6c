package nl.pupildata.register.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "register_timeline")
public class TimelineEntry extends PanacheEntityBase {
    /** The name under which the register records the events it applied (live and in a replay alike). */
    public static final String CONSUMER = "register";

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "request_id")
    public UUID requestId;
    public String type;
    public Instant at;
    public String actor;
    public String source;
    public String payload;

    /**
     * Adds the line in the caller's transaction, unless the timeline has its event already: a replay reads the topics
     * while the live consumer applies them, and both may bring the same event.
     */
    public Uni<Void> add() {
        return getSession().chain(session -> session.createNativeQuery("insert into register_timeline (event_id,"
                        + " request_id, type, at, actor, source, payload) values (cast(cast(:eventId as text) as uuid),"
                        + " cast(cast(:requestId as text) as uuid), :type, cast(cast(:at as text) as timestamptz),"
                        + " :actor, :source, :payload) on conflict (event_id) do nothing")
                .setParameter("eventId", eventId.toString())
                .setParameter("requestId", requestId.toString())
                .setParameter("type", type)
                .setParameter("at", at.toString())
                .setParameter("actor", actor)
                .setParameter("source", source)
                .setParameter("payload", payload)
                .executeUpdate()).replaceWithVoid();
    }
}
