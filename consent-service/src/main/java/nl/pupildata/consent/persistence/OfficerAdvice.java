package nl.pupildata.consent.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import nl.pupildata.events.ConsultationAnswered;
import nl.pupildata.events.model.Consultation;

/** A consultation request-service says the officer answered themselves (G-9, OSO-4): what an exemption rests on. */
@Entity
@Table(name = "officer_advice")
public class OfficerAdvice extends PanacheEntityBase {
    @Id
    @Column(name = "consultation_id")
    public UUID consultationId;

    @Column(name = "request_id")
    public UUID requestId;

    public String officer;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_on")
    public LocalDate answeredOn;

    public static OfficerAdvice of(ConsultationAnswered a) {
        OfficerAdvice advice = new OfficerAdvice();
        advice.consultationId = a.consultationId();
        advice.requestId = a.requestId();
        advice.officer = a.officer().name();
        advice.answeredBy = a.actor();
        advice.answeredOn = a.answeredOn();
        return advice;
    }

    /** The latest answered consultation of this officer on the request, if any. */
    public static Uni<Optional<OfficerAdvice>> latest(UUID requestId, Consultation officer) {
        return OfficerAdvice.<OfficerAdvice>find("requestId = ?1 and officer = ?2 order by answeredOn desc", requestId,
                officer.name()).firstResult().map(Optional::ofNullable);
    }
}
