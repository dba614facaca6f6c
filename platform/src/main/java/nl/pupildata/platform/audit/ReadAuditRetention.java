package nl.pupildata.platform.audit;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The record of reads is itself about people (who looked at which pupil's request): it is kept for the board's period
 * ({@code pupil-data.audit.keep-reads}, two years by default, as a request's personal data) and then deleted.
 */
@ApplicationScoped
public class ReadAuditRetention {

    private static final Logger LOG = Logger.getLogger(ReadAuditRetention.class);

    private final Pool pool;
    private final Clock clock;
    private final Period keep;

    public ReadAuditRetention(Pool pool, Clock clock,
            @ConfigProperty(name = "pupil-data.audit.keep-reads", defaultValue = "P2Y") Period keep) {
        this.pool = pool;
        this.clock = clock;
        this.keep = keep;
    }

    @Scheduled(every = "${pupil-data.audit.cleanup-interval:6h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledCleanup() {
        return forgetBefore(Instant.now(clock))
                .onFailure().invoke(e -> LOG.warnf("Cleaning up the record of reads failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes the reads older than the period before {@code now}; returns how many. */
    public Uni<Integer> forgetBefore(Instant now) {
        OffsetDateTime before = now.atOffset(ZoneOffset.UTC).minus(keep);
        return pool.preparedQuery("delete from read_audit where at < $1").execute(Tuple.of(before))
                .map(rows -> rows.rowCount());
    }
}
