package nl.pupildata.infra;

/**
 * How much a crash or power cut may cost the embedded Kafka and PostgreSQL. The one place where the fast,
 * non-durable settings of the tests are named: everything a person runs ({@code scripts/run-local}) is
 * {@link #DURABLE}.
 */
public enum Durability {
    /**
     * PostgreSQL with {@code fsync}, {@code full_page_writes} and synchronous commits on; Kafka flushes every
     * message to disk. A crash or power cut loses nothing that was acknowledged.
     */
    DURABLE,
    /**
     * Tests and the benchmark only: no fsync, no full-page writes, asynchronous commits, no per-message flush.
     * Much faster; a crash of the machine can lose or corrupt the data.
     */
    FAST_NOT_CRASH_SAFE
}
