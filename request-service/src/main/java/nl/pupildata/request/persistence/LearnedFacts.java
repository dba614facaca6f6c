package nl.pupildata.request.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.platform.sql.NativeSelect;

/**
 * What the letters need from consent-service's and deadline-service's events (issue 18): the consent request's
 * description per guardian (G-10) and the term's extensions with their reasons (PA-6). Written by the listener once
 * per event (a redelivery changes nothing), read when a letter is written.
 */
public final class LearnedFacts {

    private LearnedFacts() {
    }

    public record Extension(int number, LocalDate newDueOn, String reason) {
    }

    public static Uni<Integer> consentRequested(UUID requestId, String guardianId, String description) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into learned_consent_request (request_id, "
                        + "guardian_id, description) values (:id, :guardian, :description) on conflict (request_id, "
                        + "guardian_id) do update set description = excluded.description")
                .setParameter("id", requestId).setParameter("guardian", guardianId)
                .setParameter("description", description).executeUpdate());
    }

    public static Uni<Integer> extended(UUID requestId, int number, LocalDate newDueOn, String reason) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into learned_extension (request_id, number, "
                        + "new_due_on, reason) values (:id, :number, :due, :reason) on conflict do nothing")
                .setParameter("id", requestId).setParameter("number", number).setParameter("due", newDueOn)
                .setParameter("reason", reason).executeUpdate());
    }

    /** Guardian id → what the school said it would give, as asked. */
    public static Uni<Map<String, String>> consentRequests(UUID requestId) {
        return Panache.getSession().chain(s -> NativeSelect.<Object[]>of(s, "select guardian_id, description from "
                        + "learned_consent_request where request_id = :id order by guardian_id", Map.of("id", requestId))
                .getResultList()).map(rows -> {
                    Map<String, String> byGuardian = new LinkedHashMap<>();
                    rows.forEach(r -> byGuardian.put((String) r[0], (String) r[1]));
                    return byGuardian;
                });
    }

    public static Uni<List<Extension>> extensions(UUID requestId) {
        return Panache.getSession().chain(s -> NativeSelect.<Object[]>of(s, "select number, new_due_on, reason from "
                        + "learned_extension where request_id = :id order by number", Map.of("id", requestId))
                .getResultList()).map(rows -> rows.stream()
                .map(r -> new Extension(((Number) r[0]).intValue(), toDate(r[1]), (String) r[2])).toList());
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
