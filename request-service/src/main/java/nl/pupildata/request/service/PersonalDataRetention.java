package nl.pupildata.request.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.PersonalDataErased;
import nl.pupildata.platform.eventstore.EventStore;
import nl.pupildata.platform.keys.KeyIssuer;
import nl.pupildata.platform.problem.ConcurrencyConflictException;
import nl.pupildata.request.domain.Retention;
import nl.pupildata.request.persistence.ErasableRows;
import nl.pupildata.request.persistence.RequestView;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Erases a request's personal data once the board's retention period after the request ended has passed (issue 19):
 * a scan appends PersonalDataErased, deletes {@link ErasableRows} and the request's key (so that the sealed values in
 * its events, wherever they are kept, read as erased: {@link KeyIssuer#erase}) in one transaction, request by request; the
 * privacy officer sees what is due and what was erased ({@link #overview}). With two replicas both may scan: the
 * event store's version check lets one erase, the other skips.
 */
@ApplicationScoped
public class PersonalDataRetention {

    private static final Logger LOG = Logger.getLogger(PersonalDataRetention.class);

    public record Due(UUID requestId, String schoolBrin, String kind, String status, LocalDate endedOn,
            LocalDate eraseOn) {
    }

    public record Erased(UUID requestId, String schoolBrin, String kind, LocalDate endedOn, LocalDate erasedOn) {
    }

    /** The period, what is due within {@code horizonDays} (or overdue), and the latest erasures. */
    public record Overview(String keep, LocalDate today, int horizonDays, List<Due> due, List<Erased> erased) {
    }

    private final EventStore store;
    private final KeyIssuer keys;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Retention retention;

    public PersonalDataRetention(EventStore store, KeyIssuer keys, Clock clock, MeterRegistry metrics,
            @ConfigProperty(name = "pupil-data.retention.personal-data") Period keep) {
        this.store = store;
        this.keys = keys;
        this.clock = clock;
        this.metrics = metrics;
        this.retention = new Retention(keep);
    }

    @Scheduled(every = "${pupil-data.retention.scan-interval:1h}", delayed = "${pupil-data.retention.first-scan:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledScan() {
        return eraseDue(LocalDate.now(clock))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("Erased the personal data of %d request(s) whose retention period had passed", n);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Retention scan failed, trying again later: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Erases every request due on {@code today}; returns how many were erased. */
    public Uni<Integer> eraseDue(LocalDate today) {
        LocalDate endedBy = today.minus(retention.keep());
        return Panache.withSession(() -> RequestView.<RequestView>list("endedOn <= ?1 and erasedOn is null", endedBy))
                .flatMap(rows -> Multi.createFrom().iterable(rows).onItem()
                        .transformToUniAndConcatenate(row -> eraseIfDue(row.requestId, today)).collect().asList())
                .map(done -> (int) done.stream().filter(Boolean::booleanValue).count());
    }

    /** Erases one request's personal data if it is due on {@code today}; false when it is not (or already done). */
    public Uni<Boolean> eraseIfDue(UUID id, LocalDate today) {
        return Panache.withTransaction(() -> RequestView.<RequestView>findById(id).chain(view -> {
            if (view == null || view.erasedOn != null || !retention.due(view.endedOn, today)) {
                return Uni.createFrom().item(false);
            }
            return store.load(id).chain(stream -> {
                PersonalDataErased erased = retention.erase(id, stream.history(), view.endedOn, today);
                return store.append(stream, List.of(erased))
                        .call(() -> ErasableRows.erase(id))
                        .call(() -> keys.erase(id))
                        .call(() -> RequestView.markErased(id, today, Instant.now(clock)))
                        .replaceWith(true);
            });
        })).onFailure(ConcurrencyConflictException.class).recoverWithItem(false)
                .invoke(done -> {
                    if (done) {
                        metrics.counter("pupil_data_personal_data_erased_total").increment();
                        LOG.infof("Erased the personal data of request %s", id);
                    }
                });
    }

    public Uni<Overview> overview(LocalDate today, int horizonDays) {
        LocalDate endedBy = today.plusDays(horizonDays).minus(retention.keep());
        return Panache.withSession(() -> RequestView.<RequestView>list(
                        "endedOn <= ?1 and erasedOn is null order by endedOn, requestId", endedBy)
                .flatMap(due -> RequestView.<RequestView>find("erasedOn is not null order by erasedOn desc, requestId")
                        .page(0, 200).list()
                        .map(erased -> new Overview(retention.keep().toString(), today, horizonDays,
                                due.stream().map(v -> new Due(v.requestId, v.schoolBrin, v.kind, v.status, v.endedOn,
                                        retention.eraseOn(v.endedOn))).toList(),
                                erased.stream().map(v -> new Erased(v.requestId, v.schoolBrin, v.kind, v.endedOn,
                                        v.erasedOn)).toList()))));
    }
}
