package nl.pupildata.platform.keys;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
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

    private final Pool pool;

    public KeyRing(Pool pool) {
        this.pool = pool;
    }

    /**
     * A request's seal as two columns of a select, for a statement that reads or writes more in the same round trip
     * ({@code ProcessedEvent.record}, {@code EventStore.load}): whether the key is known here, and its secret (none
     * once erased). The request id is bound as {@code :keyOf}; {@link #sealFrom} reads the two back.
     */
    public static final String SEAL_COLUMNS = "(select count(*) from request_key where request_id = :keyOf),"
            + " (select encode(secret, 'base64') from request_key where request_id = :keyOf)";

    /** The seal of a request's values as this service knows it: its key, erased, or not (yet) known. */
    public Uni<ValueSeal> sealOf(UUID requestId) {
        return Panache.getSession().chain(s -> NativeSelect.<Object[]>of(s, "select " + SEAL_COLUMNS,
                        Map.of("keyOf", requestId)).getSingleResult())
                .map(row -> sealFrom(requestId, row, 0));
    }

    /** The seal that {@link #SEAL_COLUMNS} read, found in {@code row} from column {@code first} on. */
    public static ValueSeal sealFrom(UUID requestId, Object[] row, int first) {
        return ((Number) row[first]).longValue() == 0 ? ValueSeal.notYetKnown(requestId)
                : seal(requestId, row[first + 1] == null ? null : BASE64.decode((String) row[first + 1]));
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

    /** The one statement that keeps a key as it came: a key already known, or erased, stays as it is. */
    private static final String LEARN_ROWS = "insert into request_key (request_id, secret) %s"
            + " on conflict (request_id) do nothing";
    private static final String LEARN = LEARN_ROWS.formatted("values (?, ?)");
    /** The one statement that erases a key, everywhere: the row stays as the mark it was erased. */
    private static final String FORGET_ROWS = "insert into request_key (request_id, erased_at) %s"
            + " on conflict (request_id) do update set secret = null,"
            + " erased_at = coalesce(request_key.erased_at, excluded.erased_at)";
    private static final String FORGET = FORGET_ROWS.formatted("values (?, now())");
    /** The two as the reactive client numbers its parameters. */
    private static final String LEARN_NUMBERED = numbered(LEARN);
    private static final String FORGET_NUMBERED = numbered(FORGET);

    /**
     * Keeps a key as it came, in a statement of its own: one round trip, no session or transaction (the statement is
     * atomic and, like {@link #forgetAlone}, gives the same row when it comes again).
     */
    public Uni<Void> learn(UUID requestId, byte[] secret) {
        return pool.preparedQuery(LEARN_NUMBERED).execute(Tuple.of(requestId, Buffer.buffer(secret)))
                .replaceWithVoid();
    }

    /** Deletes the request's key for good, keeping the mark that it was erased; in the caller's transaction. */
    public Uni<Void> forget(UUID requestId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(FORGET).setParameter(1, requestId).executeUpdate())
                .replaceWithVoid();
    }

    /** {@link #forget}, in a statement of its own (a tombstone on the key topic). */
    public Uni<Void> forgetAlone(UUID requestId) {
        return pool.preparedQuery(FORGET_NUMBERED).execute(Tuple.of(requestId)).replaceWithVoid();
    }

    /** A statement's {@code ?} as the reactive client's {@code $1, $2, …} (the statements here have no other). */
    private static String numbered(String sql) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            b.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        return b.toString();
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

    /**
     * What a read of the key topic leaves, over JDBC (the register's replay reads the topic itself, a poll at a time):
     * {@code learned} as {@link #learn} keeps them, then {@code forgotten} as {@link #forget} erases them — two
     * statements for a whole poll. Within a poll the order of a key and its tombstone does not matter: a key is never
     * learned over an erased one, so either order ends erased.
     */
    public static void learnAndForget(Connection c, Map<UUID, byte[]> learned, Collection<UUID> forgotten)
            throws SQLException {
        if (!learned.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    LEARN_ROWS.formatted("select * from unnest(?::uuid[], ?::bytea[])"))) {
                s.setArray(1, c.createArrayOf("uuid", learned.keySet().toArray()));
                s.setArray(2, c.createArrayOf("bytea", learned.values().toArray(new byte[0][])));
                s.executeUpdate();
            }
        }
        if (!forgotten.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    FORGET_ROWS.formatted("select distinct r, now() from unnest(?::uuid[]) r"))) {
                s.setArray(1, c.createArrayOf("uuid", forgotten.toArray()));
                s.executeUpdate();
            }
        }
    }

    /** A row's seal: a row without a secret is an erased key (the table's check says so). */
    static ValueSeal seal(UUID requestId, byte[] secret) {
        return secret == null ? ValueSeal.erasedSeal() : new RequestKey(requestId, secret);
    }
}
