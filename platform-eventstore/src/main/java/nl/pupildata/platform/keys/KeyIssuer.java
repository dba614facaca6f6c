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

    /** A new key for a new request: kept here and published to the other services. */
    public Uni<RequestKey> issue(UUID requestId) {
        byte[] secret = RequestKey.newSecret();
        return keys.learn(requestId, secret).call(() -> publish(requestId, secret))
                .replaceWith(new RequestKey(requestId, secret));
    }

    /** Deletes the request's key here and publishes its tombstone, so every other copy is deleted too. */
    public Uni<Void> erase(UUID requestId) {
        return keys.forget(requestId).call(() -> publish(requestId, null));
    }

    private static Uni<Integer> publish(UUID requestId, byte[] secret) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into key_outbox (request_id, secret)"
                        + " values (:id, decode(:secret, 'base64'))")
                .setParameter("id", requestId)
                .setParameter("secret", secret == null ? null : Base64.getEncoder().encodeToString(secret))
                .executeUpdate());
    }
}
