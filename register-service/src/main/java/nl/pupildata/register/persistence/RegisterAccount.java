package nl.pupildata.register.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.pupildata.events.CloudEventHeaders;
import nl.pupildata.events.EventEnvelope;
import nl.pupildata.register.domain.RegisterFold;
import nl.pupildata.register.domain.SchoolYear;
import nl.pupildata.register.domain.YearlyAccount;

/**
 * Reads a school year's requests for the yearly account: each request's timeline, streamed from a cursor in time
 * order and folded as the register folds it ({@link RegisterFold}), then counted ({@link YearlyAccount.Counter}).
 * The timeline, not the entry's columns, so that every figure (consents, exemptions, refusals by rule) comes from
 * the same one fold, for entries written by any earlier version too.
 */
@ApplicationScoped
public class RegisterAccount {

    private final AgroalDataSource dataSource;

    public RegisterAccount(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param filter the caller's schools and the chosen school; its dates are ignored (the year's are used)
     */
    public YearlyAccount.Account count(RegisterFilter filter, SchoolYear year, LocalDate countedOn, boolean boardWide)
            throws SQLException {
        RegisterFilter.Rendered where = new RegisterFilter(filter.schools(), filter.school(), null, null,
                year.firstDay(), year.lastDay(), null).sql();
        String sql = """
                select t.request_id, t.event_id, t.type, t.at, t.payload from register_timeline t
                where t.request_id in (select request_id from register_entry where %s)
                order by t.request_id, t.at, t.event_id""".formatted(where.where());
        YearlyAccount.Counter counter = new YearlyAccount.Counter(year, countedOn);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor: a year of a large board is not held in memory
            try (PreparedStatement s = c.prepareStatement(sql)) {
                where.bind(c, s);
                s.setFetchSize(1000);
                try (ResultSet r = s.executeQuery()) {
                    UUID current = null;
                    List<EventEnvelope> timeline = new ArrayList<>();
                    while (r.next()) {
                        UUID id = r.getObject(1, UUID.class);
                        if (!id.equals(current)) {
                            fold(current, timeline, counter);
                            current = id;
                        }
                        timeline.add(CloudEventHeaders.fromStored(r.getObject(2, UUID.class), r.getString(3), id,
                                r.getTimestamp(4).toInstant(), r.getString(5)));
                    }
                    fold(current, timeline, counter);
                }
            } finally {
                c.rollback();
            }
        }
        return counter.account(boardWide);
    }

    private static void fold(UUID request, List<EventEnvelope> timeline, YearlyAccount.Counter counter) {
        if (request != null) {
            counter.add(RegisterFold.fold(request, timeline));
            timeline.clear();
        }
    }

    /** The day the first request the filter lets through was received, if any: where the list of years starts. */
    public Optional<LocalDate> firstReceived(RegisterFilter filter) throws SQLException {
        RegisterFilter.Rendered where = filter.sql();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select min(received_on) from register_entry where "
                        + where.where())) {
            where.bind(c, s);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getObject(1, LocalDate.class)) : Optional.empty();
            }
        }
    }
}
