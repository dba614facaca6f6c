package nl.pupildata.deadline.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An alert about a term to send to the school's director and the board's quality officer (issue 18). */
@Entity
@Table(name = "alert_mail")
public class AlertMail extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "request_id")
    public UUID requestId;

    public String school;

    /** {@code DUE_SOON} or {@code MISSED}. */
    public String signal;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** {@code SENT}, or {@code NO_RECIPIENT} when nobody is configured for the school. */
    public String outcome;

    /** Until when a sender holds it ({@link #claim}). */
    @Column(name = "claimed_until")
    public Instant claimedUntil;

    public static AlertMail of(UUID eventId, UUID requestId, String school, String signal, LocalDate dueOn) {
        AlertMail mail = new AlertMail();
        mail.eventId = eventId;
        mail.requestId = requestId;
        mail.school = school;
        mail.signal = signal;
        mail.dueOn = dueOn;
        return mail;
    }

    /** Alerts not sent and not held by another sender now. */
    public static Uni<List<AlertMail>> unsent(int limit, Instant now) {
        return AlertMail.<AlertMail>find("sentAt is null and (claimedUntil is null or claimedUntil < ?1) order by dueOn",
                now).page(0, limit).list();
    }

    /**
     * Claims an alert for sending until {@code until}: 1 when this sender got it, 0 when it was sent or is held by
     * another. One conditional update, so two senders at once cannot both get it.
     */
    public static Uni<Integer> claim(UUID eventId, Instant now, Instant until) {
        return update("claimedUntil = ?1 where eventId = ?2 and sentAt is null and (claimedUntil is null or "
                + "claimedUntil < ?3)", until, eventId, now);
    }

    public static Uni<Integer> markSent(UUID eventId, String outcome, Instant at) {
        return update("sentAt = ?1, outcome = ?2 where eventId = ?3 and sentAt is null", at, outcome, eventId);
    }
}
