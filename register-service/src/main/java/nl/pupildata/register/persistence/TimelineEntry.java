package nl.pupildata.register.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.platform.sql.NativeSelect;

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

    /** Adds a line unless the timeline has its event already. */
    private static final String INSERT = "insert into register_timeline (event_id, request_id, type, at, actor, source,"
            + " payload) values (cast(cast(:eventId as text) as uuid), cast(cast(:requestId as text) as uuid), :type,"
            + " cast(cast(:at as text) as timestamptz), :actor, :source, :payload) on conflict (event_id) do nothing";
    private static final String COLUMNS = "event_id, request_id, type, at, actor, source, payload";
    /**
     * {@link #INSERT} and the request's whole timeline after it, in time order (event id breaks ties, so every fold
     * sees the same order): the statement's own reading does not see its insert yet, so the added line comes from
     * {@code returning}, and a line already there comes from the table once.
     */
    private static final String ADD_AND_READ = "with added as (" + INSERT + " returning " + COLUMNS + ")"
            + " select " + COLUMNS + " from register_timeline where request_id = cast(cast(:requestId as text) as uuid)"
            + " union all select " + COLUMNS + " from added order by at, event_id";

    /**
     * Adds the line in the caller's transaction, unless the timeline has its event already: a replay reads the topics
     * while the live consumer applies them, and both may bring the same event.
     */
    public Uni<Void> add() {
        return getSession().chain(session -> {
            var query = session.createNativeQuery(INSERT);
            values().forEach(query::setParameter);
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    /** {@link #add}, and the request's timeline with this line in it, in one statement. */
    public Uni<List<TimelineEntry>> addAndRead() {
        return getSession().chain(session -> NativeSelect.of(session, ADD_AND_READ, TimelineEntry.class, values())
                .getResultList());
    }

    private Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        values.put("eventId", eventId.toString());
        values.put("requestId", requestId.toString());
        values.put("type", type);
        values.put("at", at.toString());
        values.put("actor", actor);
        values.put("source", source);
        values.put("payload", payload);
        return values;
    }
}
