package nl.pupildata.request.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** G-3: a staff member who asked for or recorded consent on a request (from consent-service's events). */
@Entity
@Table(name = "consent_actor")
@IdClass(ConsentActor.Key.class)
public class ConsentActor extends PanacheEntityBase {

    public record Key(UUID requestId, String actor) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Id
    public String actor;

    /** Records the actor once (a redelivered or repeated event changes nothing). */
    public static Uni<Integer> record(UUID requestId, String actor) {
        return getSession().chain(session -> session.createNativeQuery(
                "insert into consent_actor (request_id, actor) values (:id, :actor) on conflict do nothing")
                .setParameter("id", requestId).setParameter("actor", actor).executeUpdate());
    }

    public static Uni<Set<String>> of(UUID requestId) {
        return ConsentActor.<ConsentActor>list("requestId", requestId)
                .map(all -> all.stream().map(a -> a.actor).collect(Collectors.toUnmodifiableSet()));
    }
}
