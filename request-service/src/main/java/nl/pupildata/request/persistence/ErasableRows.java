package nl.pupildata.request.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/**
 * Every row of this service that holds a request's personal data or what staff typed about it: names, addresses and
 * date of birth, the notes (questions, advice, answers, statements), the issued letters (facts and PDF), and what was
 * learned for the letters (descriptions, reasons). Erased together, in the caller's transaction (issue 19); the event
 * store, the list row and the staff ids of consents stay. A table added with personal data is added here.
 */
public final class ErasableRows {

    static final List<String> TABLES = List.of("request_personal_details", "request_note", "issued_letter",
            "learned_consent_request", "learned_extension");

    private ErasableRows() {
    }

    /** @return how many rows were deleted */
    public static Uni<Integer> erase(UUID requestId) {
        Uni<Integer> deleted = Uni.createFrom().item(0);
        for (String table : TABLES) {
            deleted = deleted.chain(sum -> Panache.getSession().chain(s -> s.createNativeQuery("delete from " + table
                    + " where request_id = :id").setParameter("id", requestId).executeUpdate()).map(n -> sum + n));
        }
        return deleted;
    }
}
