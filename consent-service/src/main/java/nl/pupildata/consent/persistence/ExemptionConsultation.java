package nl.pupildata.consent.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The quality officer consulted before an exemption (G-9, OSO-4), recorded with the exemption event. */
@Entity
@Table(name = "exemption_consultation")
public class ExemptionConsultation extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "consulted_quality_officer")
    public String consultedQualityOfficer;

    public static ExemptionConsultation of(UUID eventId, UUID requestId, String consulted) {
        ExemptionConsultation c = new ExemptionConsultation();
        c.eventId = eventId;
        c.requestId = requestId;
        c.consultedQualityOfficer = consulted;
        return c;
    }
}
