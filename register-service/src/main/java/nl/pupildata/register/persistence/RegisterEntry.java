package nl.pupildata.register.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.pupildata.register.domain.RegisterFold;

/** An entry of the register, as the API's queries read it; written only by {@link #save} and the replay. */
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

    /**
     * Writes the folded request as its row (insert or replace), in the caller's transaction: the same columns as the
     * replay writes ({@link RegisterColumn}).
     */
    public static Uni<Void> save(RegisterFold.Summary summary) {
        return getSession().chain(session -> {
            var query = session.createNativeQuery(RegisterColumn.UPSERT_ONE);
            for (RegisterColumn c : RegisterColumn.values()) {
                query.setParameter("c" + c.ordinal(), c.text(summary));
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
