package nl.pupildata.request.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.events.model.RequestStatus;
import nl.pupildata.platform.eventstore.OneStatement;

/**
 * One row per request for lists and for what consent and deadline events told this service. Two writers, each of its
 * own columns and only by targeted updates (never a write of the whole row, which would undo the other's change):
 * the commands ({@code status}) and {@code OtherServicesListener} (consent, exemption, due date).
 */
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

    /** SWV-5: the guardians' consent of its own for the next school's contact person. */
    @Column(name = "next_school_contact_consent")
    public boolean nextSchoolContactConsent;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The day the request ended (closed, withdrawn, refused): retention counts from it. */
    @Column(name = "ended_on")
    public LocalDate endedOn;

    /** The day its personal data was erased, once the retention period had passed. */
    @Column(name = "erased_on")
    public LocalDate erasedOn;

    /**
     * A new request's row, written as the last part of the intake's one statement (the other columns keep their
     * defaults until the other services' events arrive).
     */
    public Uni<Void> insertWith(OneStatement statement, SqlClient client) {
        Map<String, Object> values = new HashMap<>();
        values.put("viewOf", requestId);
        values.put("schoolBrin", schoolBrin);
        values.put("kind", kind);
        values.put("status", status);
        values.put("receivedOn", receivedOn);
        values.put("complexity", complexity);
        values.put("updatedAt", updatedAt);
        return statement.execute(client, "insert into request_view (request_id, school_brin, kind, status,"
                + " received_on, complexity, updated_at) values (:viewOf, :schoolBrin, :kind, :status, :receivedOn,"
                + " :complexity, :updatedAt)", values).replaceWithVoid();
    }

    /** The command side's columns: the status, and the day it ended when the status is final (kept once set). */
    public static Uni<Integer> updateStatus(UUID id, RequestStatus status, Instant at, LocalDate today) {
        if (!status.isFinal()) {
            return update("status = ?1, updatedAt = ?2 where requestId = ?3", status.name(), at, id);
        }
        return update("status = ?1, updatedAt = ?2, endedOn = coalesce(endedOn, ?3) where requestId = ?4",
                status.name(), at, today, id);
    }

    /** Retention: the personal data of the request was erased on that day. */
    public static Uni<Integer> markErased(UUID id, LocalDate on, Instant at) {
        return update("erasedOn = ?1, updatedAt = ?2 where requestId = ?3", on, at, id);
    }

    /** G-2, G-5: what consent-service said last. */
    public static Uni<Integer> updateConsent(UUID id, boolean satisfied, boolean lapsed, Instant at) {
        return update("consentSatisfied = ?1, consentLapsed = ?2, updatedAt = ?3 where requestId = ?4", satisfied,
                lapsed, at, id);
    }

    public static Uni<Integer> updateNextSchoolContactConsent(UUID id, boolean satisfied, Instant at) {
        return update("nextSchoolContactConsent = ?1, updatedAt = ?2 where requestId = ?3", satisfied, at, id);
    }

    public static Uni<Integer> updateExemption(UUID id, String exemption, Instant at) {
        return update("exemption = ?1, updatedAt = ?2 where requestId = ?3", exemption, at, id);
    }

    public static Uni<Integer> updateDueOn(UUID id, LocalDate dueOn, Instant at) {
        return update("dueOn = ?1, updatedAt = ?2 where requestId = ?3", dueOn, at, id);
    }
}
