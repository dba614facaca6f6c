package nl.pupildata.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.pupildata.events.EventType;
import nl.pupildata.events.Topic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Puts every event of this service's store on Kafka again, for when the topics were lost while the databases
 * survived (docs/operations.md): the whole store is queued in the outbox, in the order it was written, and the relay
 * publishes it as it publishes everything — the events of one request in order, after them what is written meanwhile.
 * Consumers recognise what they applied before (processed_event) and apply the rest.
 *
 * <p>The operator's command is a marker: {@code kubectl set env deployment/<service> PUPIL_DATA_REPUBLISH=<marker>}
 * (any text naming the occasion, e.g. {@code 2026-12-01-kafka-rebuilt}). At start the service republishes once per
 * marker — the first replica to start does it, in one transaction; later starts and other replicas find the marker
 * done and do nothing. Remove the variable afterwards.
 */
@ApplicationScoped
public class Republish {

    private static final Logger LOG = Logger.getLogger(Republish.class);

    private final AgroalDataSource dataSource;
    private final Optional<String> marker;
    private final boolean issuesKeys;

    public Republish(AgroalDataSource dataSource,
            @ConfigProperty(name = "pupil-data.republish") Optional<String> marker,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.dataSource = dataSource;
        this.marker = marker.map(String::trim).filter(m -> !m.isEmpty());
        // The producer of the requests topic issues the request keys (issue 19); it republishes them too.
        this.issuesKeys = Topic.REQUESTS.producer().equals(service);
    }

    void onStart(@Observes StartupEvent started) throws SQLException {
        if (marker.isPresent()) {
            run(marker.get());
        }
    }

    /** Queues the whole event store once for this marker; returns how many events, 0 when the marker was done. */
    public long run(String marker) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long events;
                try (PreparedStatement claim = c.prepareStatement(
                        "insert into republished (marker, events) values (?, 0) on conflict do nothing")) {
                    claim.setString(1, marker);
                    if (claim.executeUpdate() == 0) {
                        c.rollback();
                        LOG.infof("Republish %s was done before; nothing to do (remove PUPIL_DATA_REPUBLISH)", marker);
                        return 0;
                    }
                }
                if (issuesKeys) {
                    try (PreparedStatement queue = c.prepareStatement("insert into key_outbox (request_id, secret)"
                            + " select request_id, secret from request_key order by request_id")) {
                        queue.executeUpdate();
                    }
                }
                try (PreparedStatement queue = c.prepareStatement("insert into outbox (event_id, topic) select event_id, "
                        + topicOfType() + " from event_store order by global_position")) {
                    events = queue.executeUpdate();
                }
                try (PreparedStatement done = c.prepareStatement("update republished set events = ? where marker = ?")) {
                    done.setLong(1, events);
                    done.setString(2, marker);
                    done.executeUpdate();
                }
                c.commit();
                LOG.infof("Republish %s: %d events queued for Kafka; the outbox relay publishes them in order",
                        marker, events);
                return events;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The topic of each stored type, as SQL: the same mapping the producer used ({@link EventType#topic()}). */
    static String topicOfType() {
        return Arrays.stream(EventType.values())
                .map(t -> "when '" + t.typeName() + "' then '" + t.topic().topicName() + "'")
                .collect(Collectors.joining(" ", "case type ", " end"));
    }
}
