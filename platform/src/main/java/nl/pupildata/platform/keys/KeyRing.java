package nl.pupildata.platform.keys;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.events.sealing.RequestKey;
import nl.pupildata.events.sealing.ValueSeal;
import nl.pupildata.platform.sql.NativeSelect;

/**
 * This service's copy of the request keys (issue 19, crypto-shredding; table {@code request_key}): the seal each
 * request's events are written and read with. request-service makes the keys ({@code KeyIssuer}); every service learns
 * them from the key topic and forgets one when the request's personal data is erased — after which the request's
 * sealed values read as {@link ValueSeal#ERASED} here, whatever still holds them. Runs in the caller's session.
 */
@ApplicationScoped
public class KeyRing {

    private static final Base64.Decoder BASE64 = Base64.getMimeDecoder(); // encode(…, 'base64') wraps long lines

    /** The seal of a request's values as this service knows it: its key, erased, or not (yet) known. */
    public Uni<ValueSeal> sealOf(UUID requestId) {
        return Panache.getSession().chain(s -> NativeSelect.<String>of(s,
                        "select encode(secret, 'base64') from request_key where request_id = :id",
                        Map.of("id", requestId)).getResultList())
                .map(rows -> rows.isEmpty() ? ValueSeal.notYetKnown(requestId)
                        : seal(requestId, rows.get(0) == null ? null : BASE64.decode(rows.get(0))));
    }

    /** The seals of many requests at once, in one query: a request whose key is not known here is left out. */
    public Uni<Map<UUID, ValueSeal>> sealsOf(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> NativeSelect.<Object[]>of(s,
                        "select request_id, encode(secret, 'base64') from request_key where request_id in (:ids)",
                        Map.of("ids", requestIds)).getResultList())
                .map(rows -> {
                    Map<UUID, ValueSeal> seals = new HashMap<>();
                    for (Object[] row : rows) {
                        UUID id = (UUID) row[0];
                        seals.put(id, seal(id, row[1] == null ? null : BASE64.decode((String) row[1])));
                    }
                    return seals;
                });
    }

    /** Keeps a key as it came (a key already known, or erased, stays as it is). */
    public Uni<Void> learn(UUID requestId, byte[] secret) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into request_key (request_id, secret)"
                        + " values (:id, decode(:secret, 'base64')) on conflict (request_id) do nothing")
                .setParameter("id", requestId).setParameter("secret", Base64.getEncoder().encodeToString(secret))
                .executeUpdate()).replaceWithVoid();
    }

    /** The one statement that erases a key, reactive and over JDBC alike: the row stays as the mark it was erased. */
    private static final String FORGET = "insert into request_key (request_id, erased_at) values (?, now())"
            + " on conflict (request_id) do update set secret = null,"
            + " erased_at = coalesce(request_key.erased_at, excluded.erased_at)";

    /** Deletes the request's key for good, keeping the mark that it was erased. */
    public Uni<Void> forget(UUID requestId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(FORGET).setParameter(1, requestId).executeUpdate())
                .replaceWithVoid();
    }

    /** The seals of many requests at once, over JDBC (the register's replay): unknown ones are left out. */
    public static Map<UUID, ValueSeal> sealsOf(Connection c, Collection<UUID> requestIds) throws SQLException {
        Map<UUID, ValueSeal> seals = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select request_id, secret from request_key"
                + " where request_id = any(?)")) {
            Array ids = c.createArrayOf("uuid", requestIds.toArray());
            s.setArray(1, ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    seals.put(id, seal(id, r.getBytes(2)));
                }
            }
        }
        return seals;
    }

    /** {@link #learn} over JDBC (the register's replay reads the key topic itself). */
    public static void learn(Connection c, UUID requestId, byte[] secret) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into request_key (request_id, secret) values (?, ?)"
                + " on conflict (request_id) do nothing")) {
            s.setObject(1, requestId);
            s.setBytes(2, secret);
            s.executeUpdate();
        }
    }

    /** {@link #forget} over JDBC. */
    public static void forget(Connection c, UUID requestId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FORGET)) {
            s.setObject(1, requestId);
            s.executeUpdate();
        }
    }

    /** A row's seal: a row without a secret is an erased key (the table's check says so). */
    static ValueSeal seal(UUID requestId, byte[] secret) {
        return secret == null ? ValueSeal.erasedSeal() : new RequestKey(requestId, secret);
    }
}
