package nl.pupildata.register.persistence;

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
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The register as CSV, streamed: rows go from a database cursor straight to the response, so exporting the
 * whole register of a board takes the same memory for a thousand entries as for a million.
 */
@ApplicationScoped
public class RegisterExport {

    private final AgroalDataSource dataSource;

    public RegisterExport(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public StreamingOutput csv(RegisterFilter filter) {
        return out -> {
            try {
                write(filter, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024));
            } catch (SQLException e) {
                throw new IOException("register export failed", e);
            }
        };
    }

    private void write(RegisterFilter filter, Writer out) throws SQLException, IOException {
        RegisterFilter.Rendered where = filter.sql();
        String sql = "select " + RegisterColumn.csvColumns() + " from register_entry where " + where.where()
                + " order by received_on desc, last_event_at desc, request_id";
        List<RegisterColumn> columns = RegisterColumn.exported();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor: rows are fetched a thousand at a time
            try (PreparedStatement s = c.prepareStatement(sql)) {
                where.bind(c, s);
                s.setFetchSize(1000);
                out.write('\uFEFF');
                try (ResultSet r = s.executeQuery();
                        CSVPrinter printer = new CSVPrinter(out,
                                CSVFormat.RFC4180.builder().setHeader(RegisterColumn.csvHeader()).get())) {
                    List<Object> row = new ArrayList<>(columns.size());
                    while (r.next()) {
                        row.clear();
                        for (RegisterColumn column : columns) {
                            row.add(column.csvCell(r));
                        }
                        printer.printRecord(row);
                    }
                }
            } finally {
                c.rollback();
            }
        }
    }
}
