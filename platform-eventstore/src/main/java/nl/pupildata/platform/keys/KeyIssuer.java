package nl.pupildata.platform.keys;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.UUID;
import nl.pupildata.events.sealing.RequestKey;

/**
 * The producing side of the request keys (issue 19): request-service makes a request's key at intake and erases it
 * when the request's personal data is erased. Both go to the key topic through {@code key_outbox}, in the caller's
 * transaction, so a key is published exactly when the request exists and its tombstone exactly when the erasure
 * committed.
 */
@ApplicationScoped
public class KeyIssuer {

    private final KeyRing keys;

    public KeyIssuer(KeyRing keys) {
        this.keys = keys;
    }

    /**
     * A new key for a new request: kept here and queued for the other services, in one statement (intake is the
     * busiest command; every round trip to the database counts).
     */
    public Uni<RequestKey> issue(UUID requestId) {
        byte[] secret = RequestKey.newSecret();
        return Panache.getSession().chain(s -> s.createNativeQuery("with kept as (insert into request_key"
                        + " (request_id, secret) values (:id, decode(:secret, 'base64')) on conflict (request_id) do nothing"
                        + " returning request_id, secret) insert into key_outbox (request_id, secret)"
                        + " select request_id, secret from kept")
                .setParameter("id", requestId).setParameter("secret", Base64.getEncoder().encodeToString(secret))
                .executeUpdate())
                .map(queued -> {
                    if (queued != 1) {
                        throw new IllegalStateException("Request " + requestId + " has a key already");
                    }
                    return new RequestKey(requestId, secret);
                });
    }

    /** Deletes the request's key here and publishes its tombstone, so every other copy is deleted too. */
    public Uni<Void> erase(UUID requestId) {
        return keys.forget(requestId).call(() -> publishTombstone(requestId));
    }

    /** The tombstone: a row without a secret. */
    private static Uni<Integer> publishTombstone(UUID requestId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into key_outbox (request_id) values (:id)")
                .setParameter("id", requestId).executeUpdate());
    }
}
