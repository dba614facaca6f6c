package nl.pupildata.deadline.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.pupildata.deadline.domain.StatutoryTerm;
import nl.pupildata.deadline.persistence.AlertMail;
import nl.pupildata.deadline.persistence.DeadlineTerm;
import nl.pupildata.events.DeadlineDueSoon;
import nl.pupildata.events.DeadlineEvent;
import nl.pupildata.events.DeadlineMissed;
import nl.pupildata.platform.eventstore.EventStore;
import org.jboss.logging.Logger;

/**
 * Emits DeadlineDueSoon and DeadlineMissed, each once per term. Runs shortly after start and then every
 * period, so a service that was down catches up within one period. Time comes from the injected clock;
 * tests call {@link #scan(LocalDate)} with the day they want.
 */
@ApplicationScoped
public class DeadlineSignals {

    private static final Logger LOG = Logger.getLogger(DeadlineSignals.class);

    private final EventStore store;
    private final DeadlineConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public DeadlineSignals(EventStore store, DeadlineConfig config, Clock clock, MeterRegistry metrics) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Scheduled(every = "${pupil-data.deadline.scan-interval:60s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledScan() {
        return scan(LocalDate.now(clock)).onFailure().invoke(e -> LOG.warnf("Deadline scan failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Signals every open term that needs one on {@code today}; returns how many events were emitted. */
    public Uni<Integer> scan(LocalDate today) {
        LocalDate horizon = today.plusDays(config.dueSoonDays());
        return Panache.withSession(() -> DeadlineTerm.<DeadlineTerm>list("open = true and dueOn <= ?1", horizon))
                .flatMap(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(row -> signal(row, today))
                        .collect().asList())
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }

    private Uni<Integer> signal(DeadlineTerm row, LocalDate today) {
        return Panache.withTransaction(() -> store.load(row.requestId).flatMap(stream -> {
            StatutoryTerm term = StatutoryTerm.replay(stream.history());
            List<DeadlineEvent> events = term.signals(today, config.dueSoonDays(), TermHandling.SERVICE);
            if (events.isEmpty()) {
                return Uni.createFrom().item(List.<DeadlineEvent>of());
            }
            // Issue 18: each signal's alert is written with it, in this transaction, and sent by AlertMailer.
            return store.append(stream, events).call(envelopes -> Multi.createFrom()
                    .iterable(envelopes).onItem().transformToUniAndConcatenate(e -> AlertMail.of(e.eventId(),
                            row.requestId, row.schoolBrin, e.event() instanceof DeadlineMissed ? "MISSED" : "DUE_SOON",
                            term.dueOn()).persist()).collect().asList()).replaceWith(events);
        })).invoke(stored -> {
            // Counted and logged once committed: a signal a concurrent command pre-empted is not counted.
            stored.forEach(e -> metrics.counter(e instanceof DeadlineMissed ? "pupil_data_terms_missed_total"
                    : "pupil_data_terms_due_soon_total", "school", row.schoolBrin).increment());
            stored.forEach(e -> {
                if (e instanceof DeadlineMissed m) {
                    LOG.infof("Term of request %s missed (due %s)", row.requestId, m.dueOn());
                } else if (e instanceof DeadlineDueSoon d) {
                    LOG.infof("Term of request %s ends soon (due %s)", row.requestId, d.dueOn());
                }
            });
        }).map(List::size).onFailure().recoverWithItem(e -> {
            // A concurrent command on this term (an extension, an answer): the next scan looks again.
            LOG.debugf("Signal for %s postponed: %s", row.requestId, e.getMessage());
            return 0;
        });
    }
}
