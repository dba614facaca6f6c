package nl.pupildata.register.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The register counted per school and month of receipt (PA-5): how many requests came in, how many had a statutory
 * term, how many of those were answered, and how many within the term. One query over the same filter as the list.
 */
@ApplicationScoped
public class RegisterStatistics {

    public record MonthFigures(String schoolBrin, String month, long received, long withTerm, long answered,
            long withinTerm) {
    }

    private final AgroalDataSource dataSource;

    public RegisterStatistics(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<MonthFigures> perSchoolAndMonth(RegisterFilter filter) throws SQLException {
        RegisterFilter.Rendered where = filter.sql();
        String sql = """
                select school_brin, to_char(received_on, 'YYYY-MM') as month, count(*),
                       count(*) filter (where due_on is not null),
                       count(*) filter (where met_within_term is not null),
                       count(*) filter (where met_within_term)
                from register_entry where %s
                group by school_brin, month order by school_brin, month""".formatted(where.where());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            where.bind(c, s);
            List<MonthFigures> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new MonthFigures(r.getString(1), r.getString(2), r.getLong(3), r.getLong(4),
                            r.getLong(5), r.getLong(6)));
                }
            }
            return rows;
        }
    }
}
