package nl.pupildata.consent.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * The quality officer's answered consultation an exemption rests on (G-9, OSO-4), recorded with the exemption event:
 * which consultation, and who answered it (their subject, never on Kafka).
 */
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

    @Column(name = "consultation_id")
    public UUID consultationId;

    public static ExemptionConsultation of(UUID eventId, UUID requestId, OfficerAdvice advice) {
        ExemptionConsultation c = new ExemptionConsultation();
        c.eventId = eventId;
        c.requestId = requestId;
        c.consultedQualityOfficer = advice.answeredBy;
        c.consultationId = advice.consultationId;
        return c;
    }
}
