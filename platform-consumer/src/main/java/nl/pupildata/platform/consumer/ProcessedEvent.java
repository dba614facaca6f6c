package nl.pupildata.platform.consumer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** An event a consumer has applied; recorded in the same transaction as the state change. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Embeddable
    public record Key(@Column(name = "consumer") String consumer, @Column(name = "event_id") UUID eventId)
            implements Serializable {
    }

    public static ProcessedEvent of(String consumer, UUID eventId) {
        ProcessedEvent p = new ProcessedEvent();
        p.key = new Key(consumer, eventId);
        return p;
    }
}
