package nl.pupildata.register;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "register_entry")
public class RegisterEntry extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "school_brin")
    public String schoolBrin;
    public String kind;
    @Column(name = "requester_category")
    public String requesterCategory;
    @Column(name = "pupil_ref")
    public String pupilRef;
    @Column(name = "received_on")
    public LocalDate receivedOn;
    public String status;
    public String outcome;
    @Column(name = "due_on")
    public LocalDate dueOn;
    public int extensions;
    @Column(name = "consent_satisfied")
    public boolean consentSatisfied;
    public int shares;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Column(name = "met_within_term")
    public Boolean metWithinTerm;
    @Column(name = "last_event_at")
    public Instant lastEventAt;
    @Column(name = "consent_requirement")
    public String consentRequirement;
    @Column(name = "refusal_reason")
    public String refusalReason;

    /** Takes the folded state of the request's timeline. */
    void update(RegisterFold.Summary s) {
        requestId = s.requestId();
        schoolBrin = s.schoolBrin();
        kind = s.kind() == null ? null : s.kind().name();
        requesterCategory = s.requesterCategory() == null ? null : s.requesterCategory().name();
        pupilRef = s.pupilRef();
        receivedOn = s.receivedOn();
        status = s.status();
        outcome = s.outcome();
        dueOn = s.dueOn();
        extensions = s.extensions().size();
        consentRequirement = s.consentRequirement() == null ? null : s.consentRequirement().name();
        consentSatisfied = s.consentSatisfied();
        shares = s.shares().size();
        closedOn = s.closedOn();
        metWithinTerm = s.metWithinTerm();
        refusalReason = s.refusals().isEmpty() ? null : s.refusals().get(s.refusals().size() - 1).reason();
        lastEventAt = s.lastEventAt();
    }
}
