package nl.pupildata.register.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
}
