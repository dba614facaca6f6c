package nl.pupildata.request.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row per request for lists and for what consent and deadline events told this service. */
@Entity
@Table(name = "request_view")
public class RequestView extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "school_brin")
    public String schoolBrin;

    public String kind;

    public String status;

    @Column(name = "received_on")
    public LocalDate receivedOn;

    public String complexity;

    @Column(name = "consent_satisfied")
    public boolean consentSatisfied;

    @Column(name = "consent_lapsed")
    public boolean consentLapsed;

    public String exemption;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
