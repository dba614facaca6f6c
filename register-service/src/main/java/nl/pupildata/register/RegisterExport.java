package nl.pupildata.register;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The register as CSV, streamed: rows go from a database cursor straight to the response, so exporting the
 * whole register of a board takes the same memory for a thousand entries as for a million.
 */
@ApplicationScoped
public class RegisterExport {

    static final String[] CSV_HEADER = { "requestId", "schoolBrin", "kind", "requesterCategory", "pupilRef",
            "receivedOn", "status", "outcome", "dueOn", "extensions", "consentRequirement", "consentSatisfied",
            "shares", "refusalReason", "closedOn", "metWithinTerm" };

    /** What to export; {@code schools} null means every school (a board-wide caller). */
    record Filter(Set<String> schools, String school, String kind, String status, LocalDate from, LocalDate to) {
    }

    private final AgroalDataSource dataSource;

    public RegisterExport(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    StreamingOutput csv(Filter filter) {
        return out -> {
            try {
                write(filter, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024));
            } catch (SQLException e) {
                throw new IOException("register export failed", e);
            }
        };
    }

    private void write(Filter filter, Writer out) throws SQLException, IOException {
        StringBuilder sql = new StringBuilder("""
                select request_id, school_brin, kind, requester_category, pupil_ref, received_on, status, outcome,
                       due_on, extensions, consent_requirement, consent_satisfied, shares, refusal_reason, closed_on,
                       met_within_term
                from register_entry where school_brin is not null""");
        List<Object> args = new ArrayList<>();
        if (filter.schools() != null) {
            sql.append(" and school_brin = any(?)");
            args.add(filter.schools().isEmpty() ? new String[] { "-" } : filter.schools().toArray(String[]::new));
        }
        add(sql, args, "school_brin", filter.school());
        add(sql, args, "kind", filter.kind());
        add(sql, args, "status", filter.status());
        if (filter.from() != null) {
            sql.append(" and received_on >= ?");
            args.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and received_on <= ?");
            args.add(filter.to());
        }
        sql.append(" order by received_on desc, last_event_at desc, request_id");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor: rows are fetched a thousand at a time
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    Object arg = args.get(i);
                    if (arg instanceof String[] values) {
                        s.setArray(i + 1, c.createArrayOf("text", values));
                    } else {
                        s.setObject(i + 1, arg);
                    }
                }
                s.setFetchSize(1000);
                out.write('\uFEFF');
                try (ResultSet r = s.executeQuery();
                        CSVPrinter printer = new CSVPrinter(out,
                                CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
                    while (r.next()) {
                        printer.printRecord(r.getObject(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getObject(6, LocalDate.class), r.getString(7), r.getString(8),
                                r.getObject(9, LocalDate.class), r.getInt(10), r.getString(11), r.getBoolean(12),
                                r.getInt(13), r.getString(14), r.getObject(15, LocalDate.class), r.getObject(16));
                    }
                }
            } finally {
                c.rollback();
            }
        }
    }

    private static void add(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }
}
