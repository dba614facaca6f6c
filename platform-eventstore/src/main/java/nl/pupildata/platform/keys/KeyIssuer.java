package nl.pupildata.platform.keys;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.events.sealing.RequestKey;
import nl.pupildata.platform.eventstore.OneStatement;

/**
 * The producing side of the request keys (issue 19): request-service makes a request's key at intake and erases it
 * when the request's personal data is erased. Both go to the key topic through {@code key_outbox}, in the statement
 * that writes the request's first event or in the erasure's transaction, so a key is published exactly when the
 * request exists and its tombstone exactly when the erasure committed.
 */
@ApplicationScoped
public class KeyIssuer {

    private final KeyRing keys;

    public KeyIssuer(KeyRing keys) {
        this.keys = keys;
    }

    /** A request's key, kept here. */
    private static final String KEEP = "insert into request_key (request_id, secret) values (:keyOf, decode(:secret,"
            + " 'base64')) on conflict (request_id) do nothing returning request_id, secret";

    /** The key on its way to the other services: what {@link #KEEP} kept. */
    private static final String QUEUE = "insert into key_outbox (request_id, secret) select request_id, secret from kept"
            + " returning request_id";

    /**
     * A new key for a new request, kept here and queued for the other services: two parts of {@code statement}
     * ({@code kept}, {@code key_queued}), written when the statement runs, with the request's first event (intake is
     * the busiest command; every round trip to the database counts). A request that has a key already keeps it and
     * queues nothing; its first event (version 1 of a stream that exists) then refuses the whole statement.
     */
    public RequestKey issue(OneStatement statement, UUID requestId) {
        byte[] secret = RequestKey.newSecret();
        statement.with("kept", KEEP, Map.of("keyOf", requestId, "secret", Base64.getEncoder().encodeToString(secret)))
                .with("key_queued", QUEUE, Map.of());
        return new RequestKey(requestId, secret);
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
