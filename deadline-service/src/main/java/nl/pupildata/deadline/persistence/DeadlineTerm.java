package nl.pupildata.deadline.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import nl.pupildata.deadline.domain.StatutoryTerm;

/** A term as the scheduler and the work list query it; kept in step with the term's events. */
@Entity
@Table(name = "deadline_term")
public class DeadlineTerm extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "school_brin")
    public String schoolBrin;

    @Column(name = "due_on")
    public LocalDate dueOn;

    public boolean open;

    /** Writes the row for the term as it now stands (inside the caller's transaction). */
    public static Uni<Void> save(StatutoryTerm term, String schoolBrin) {
        return DeadlineTerm.<DeadlineTerm>findById(term.requestId()).flatMap(row -> {
            DeadlineTerm r = row != null ? row : new DeadlineTerm();
            r.requestId = term.requestId();
            r.schoolBrin = schoolBrin;
            r.dueOn = term.dueOn();
            r.open = term.open();
            return row != null ? Uni.createFrom().voidItem() : r.persist().replaceWithVoid();
        });
    }
}
