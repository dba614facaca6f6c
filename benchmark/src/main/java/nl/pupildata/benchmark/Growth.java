package nl.pupildata.benchmark;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.pupildata.infra.Await;
import nl.pupildata.runner.LocalStack;

/**
 * Whether the product slows down as the register fills: intake and the register's queries with 10 thousand,
 * 100 thousand and a million requests in the databases. The requests are copies, written with SQL, of one
 * request that went through the whole system (its events, list row and personal details in request-service;
 * its entry and timeline in register-service), spread over 1,000 schools and ten years of receipt dates. Pupil
 * {@code B312-0} of school {@link Api#SEEDED_SCHOOL} has two requests at every size.
 */
final class Growth {

    record Row(int requests, Latencies intake, Latencies list, Latencies pupil, Latencies schoolCsv,
            long schoolCsvRows, Latencies fullCsv, long fullCsvRows, String fullCsvNote, Latencies workListPage,
            Latencies registerPage) {
    }

    /** School of seeded request g: 1,000 different BRIN-like codes; g % 1000 == 312 is 12AX. */
    private static final String BRIN = "lpad(((g % 1000) / 26)::text, 2, '0') || chr(65 + (g % 1000) % 26) || 'X'";
    private static final String RECEIVED = "(date '2026-11-27' - (g % 3650)::int)";
    private static final String PUPIL = "'B' || (g % 1000) || '-' || (g / 2000)";
    private static final String ID = "md5('bench-' || g)::uuid";

    private final LocalStack stack;
    private final Api api;
    private final int samples;
    private String template;
    private int seeded;
    private StaffPages staff;

    Growth(LocalStack stack, Api api, int samples) {
        this.stack = stack;
        this.api = api;
        this.samples = samples;
    }

    List<Row> run(List<Integer> sizes) throws Exception {
        template = api.intake();
        if (template == null) {
            throw new IllegalStateException("the template request was not accepted");
        }
        Await.until("the template request is in the register", Duration.ofSeconds(60), () -> {
            try {
                return api.get("register-service", "/register/" + template, api.director()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        Thread.sleep(3000); // its consent and deadline events too
        staff = new StaffPages(stack, Api.DIRECTOR);
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            Benchmark.log("Filling the databases to " + size + " requests …");
            seed(size);
            rows.add(measure(size));
        }
        return rows;
    }

    private void seed(int size) throws Exception {
        int from = seeded + 1;
        String payload = "replace(t.payload, '" + template + "', (" + ID + ")::text)";
        try (Connection c = Intake.connect(stack.postgres().jdbcUrl(LocalStack.database("request-service")));
                Statement s = c.createStatement()) {
            copy(c, "event_store", "stream_id", Map.of("event_id", "gen_random_uuid()", "stream_id", ID,
                    "payload", payload), from, size);
            copy(c, "request_view", "request_id", Map.of("request_id", ID, "school_brin", BRIN,
                    "received_on", RECEIVED), from, size);
            copy(c, "request_personal_details", "request_id", Map.of("request_id", ID), from, size);
            s.execute("vacuum analyze");
        }
        try (Connection c = Intake.connect(stack.postgres().jdbcUrl(LocalStack.database("register-service")));
                Statement s = c.createStatement()) {
            copy(c, "register_entry", "request_id", Map.of("request_id", ID, "school_brin", BRIN,
                    "received_on", RECEIVED, "pupil_ref", PUPIL), from, size);
            copy(c, "register_timeline", "request_id", Map.of("event_id", "gen_random_uuid()", "request_id", ID,
                    "payload", payload), from, size);
            s.execute("vacuum analyze");
        }
        seeded = size;
    }

    /**
     * Copies the template request's rows of a table once per g in [from, to], every column as it is except the
     * overridden ones (new ids, spread schools and dates). The columns are read from the table itself, so the
     * copies keep up with the migrations.
     */
    private void copy(Connection c, String table, String key, Map<String, String> overrides, int from, int to)
            throws Exception {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select column_name from information_schema.columns"
                + " where table_name = ? and is_identity = 'NO' order by ordinal_position")) {
            p.setString(1, table);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    columns.add(r.getString(1));
                }
            }
        }
        String values = String.join(", ", columns.stream().map(col -> overrides.getOrDefault(col, "t." + col))
                .toList());
        String sql = "with t as materialized (select * from " + table + " where " + key + " = ?::uuid) insert into "
                + table + " (" + String.join(", ", columns) + ") select " + values
                + " from t cross join generate_series(?, ?) g";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, template);
            p.setInt(2, from);
            p.setInt(3, to);
            if (p.executeUpdate() < to - from + 1) {
                throw new IllegalStateException("seeding wrote too few rows into " + table);
            }
        }
    }

    private Row measure(int size) throws Exception {
        Latencies intake = new Latencies();
        for (int i = 0; i < samples * 2; i++) {
            long t0 = System.nanoTime();
            if (api.intake() == null) {
                throw new IllegalStateException("intake failed at " + size);
            }
            intake.add(System.nanoTime() - t0);
        }
        Latencies list = timed(samples, "/register?school=" + Api.SEEDED_SCHOOL + "&size=50", api.director(), "\"entries\"");
        Latencies pupil = timed(samples, "/register/pupils/B312-0", api.director(), "\"count\":2");
        Latencies schoolCsv = timed(Math.max(3, samples / 5), "/register/export?school=" + Api.SEEDED_SCHOOL,
                api.director(), "");
        long schoolRows = csvRows("/register/export?school=" + Api.SEEDED_SCHOOL, api.director());
        Latencies full = new Latencies();
        long fullRows = -1;
        String note = "";
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = api.get("register-service", "/register/export", api.officer());
            long took = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
                note = "HTTP " + r.statusCode();
                break;
            }
            full.add(took);
            fullRows = r.body().lines().count() - 1;
        }
        // Issue 21: the staff page's two lists, as the director of the seeded school sees them in a browser.
        Latencies workList = page(samples, "/", "<h1>Werklijst</h1>");
        Latencies register = page(samples, "/register?school=" + Api.SEEDED_SCHOOL,
                "<h1>Register opvragen leerlinggegevens</h1>");
        return new Row(size, intake, list, pupil, schoolCsv, schoolRows, full, fullRows, note, workList, register);
    }

    /** The page, {@code n} times; each must be the page itself (its heading), not an error page or a problem. */
    private Latencies page(int n, String path, String heading) throws Exception {
        Latencies l = new Latencies();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = staff.get(path);
            long took = System.nanoTime() - t0;
            if (r.statusCode() != 200 || !r.body().contains(heading) || r.body().contains("role=\"alert\"")) {
                throw new IllegalStateException("staff page " + path + " answered " + r.statusCode() + " at "
                        + r.uri() + ": " + r.body().substring(0, Math.min(600, r.body().length())));
            }
            l.add(took);
        }
        return l;
    }

    private Latencies timed(int n, String path, String token, String expect) throws Exception {
        Latencies l = new Latencies();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = api.get("register-service", path, token);
            long took = System.nanoTime() - t0;
            if (r.statusCode() != 200 || !r.body().contains(expect)) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": "
                        + r.body().substring(0, Math.min(300, r.body().length())));
            }
            l.add(took);
        }
        return l;
    }

    private long csvRows(String path, String token) throws Exception {
        return api.get("register-service", path, token).body().lines().count() - 1;
    }

}
