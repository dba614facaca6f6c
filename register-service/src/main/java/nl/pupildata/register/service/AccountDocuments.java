package nl.pupildata.register.service;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.pupildata.events.Labels;
import nl.pupildata.platform.pdf.HtmlPdf;
import nl.pupildata.register.domain.YearlyAccount;
import nl.pupildata.register.domain.YearlyAccount.Account;
import nl.pupildata.register.domain.YearlyAccount.Figures;
import nl.pupildata.register.persistence.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The yearly account as the quality officer takes it away: a PDF with charts (a Qute template laid out by
 * {@link HtmlPdf}) and a CSV with one figure per row, for a spreadsheet's pivot table.
 */
@ApplicationScoped
public class AccountDocuments {

    static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));

    /** One coloured part of a bar: its width in percent of the widest bar. */
    public record Segment(String label, long count, double width, String colour) {
        public Segment {
            width = Math.round(width * 100) / 100.0;
        }

        /** A bar of this part alone. */
        public Bar alone() {
            return new Bar(List.of(this));
        }
    }

    /** A horizontal bar: its parts side by side, then the empty rest of the track (in percent). */
    public record Bar(List<Segment> parts) {
        public double rest() {
            return Math.max(0, Math.round((100 - parts.stream().mapToDouble(Segment::width).sum()) * 100) / 100.0);
        }
    }

    public record KindView(String label, long received, List<Long> outcomes, Bar bar) {
    }

    public record Line(String label, String value) {
    }

    public record SchoolView(String heading, long received, List<KindView> kinds, Bar termBar,
            List<Line> term, List<Line> handling, List<Line> refusals, List<Segment> pupilBar, List<Line> pupilSpread) {
    }

    public record Page(String board, String schoolYear, String period, String countedOn, String scope,
            List<String> outcomeLabels, List<Segment> legend, List<SchoolView> sections,
            List<List<YearlyAccount.PupilRow>> pupilRows) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance yearly(Page page);
    }

    private static final Map<String, String> COLOURS = Map.of("SHARED", "#2e7d32", "PARTIALLY_REFUSED", "#ef8f00",
            "REFUSED", "#c62828", "WITHDRAWN", "#6d6d6d", "CLOSED", "#1565c0", "OPEN", "#9fb3c8");

    private final String board;

    public AccountDocuments(@ConfigProperty(name = "pupil-data.board.name") String board) {
        this.board = board;
    }

    /** Blocking (layout and fonts): call it off the event loop. */
    public byte[] pdf(Account account) {
        return HtmlPdf.render(html(account), "pupil-data register-service");
    }

    public String html(Account account) {
        return Templates.yearly(page(account)).render();
    }

    Page page(Account a) {
        List<SchoolView> sections = new ArrayList<>();
        sections.add(section(a.boardWide() ? "Alle scholen van het bestuur" : "Alle scholen samen", a.total()));
        if (a.schools().size() > 1 || !a.boardWide()) {
            a.schools().forEach(f -> sections.add(section("School " + f.school(), f)));
        }
        List<String> outcomes = java.util.Arrays.stream(YearlyAccount.Outcome.values())
                .map(o -> Labels.of("outcome", o)).toList();
        List<Segment> legend = java.util.Arrays.stream(YearlyAccount.Outcome.values())
                .map(o -> new Segment(Labels.of("outcome", o), 0, 0, COLOURS.get(o.name()))).toList();
        return new Page(board, a.schoolYear(), DUTCH.format(a.firstDay()) + " tot en met " + DUTCH.format(a.lastDay()),
                DUTCH.format(a.countedOn()), a.boardWide() ? "het hele bestuur" : "de scholen van de opvrager",
                outcomes, legend, sections, inRows(a.total().pupils(), 4));
    }

    static <T> List<List<T>> inRows(List<T> items, int perRow) {
        List<List<T>> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i += perRow) {
            rows.add(items.subList(i, Math.min(items.size(), i + perRow)));
        }
        return rows;
    }

    private static SchoolView section(String heading, Figures f) {
        long widest = Math.max(1, f.kinds().stream().mapToLong(YearlyAccount.KindRow::received).max().orElse(1));
        List<KindView> kinds = f.kinds().stream().map(k -> new KindView(Labels.of("kind", k.kind()), k.received(),
                List.copyOf(k.outcomes().values()),
                new Bar(k.outcomes().entrySet().stream().filter(e -> e.getValue() > 0)
                        .map(e -> new Segment(Labels.of("outcome", e.getKey()), e.getValue(),
                                100.0 * e.getValue() / widest, COLOURS.get(e.getKey())))
                        .toList())))
                .toList();
        YearlyAccount.Term t = f.term();
        long settled = Math.max(1, t.answered() + t.openPastDue());
        List<Segment> termBar = new ArrayList<>();
        addSegment(termBar, "Binnen de termijn", t.withinTerm(), settled, "#2e7d32");
        addSegment(termBar, "Na de termijn", t.late(), settled, "#ef8f00");
        addSegment(termBar, "Open, termijn verstreken", t.openPastDue(), settled, "#c62828");
        List<Line> term = List.of(
                new Line("Verzoeken met een wettelijke termijn (PA-4)", String.valueOf(t.withTerm())),
                new Line("Beantwoord binnen de termijn", String.valueOf(t.withinTerm())),
                new Line("Beantwoord na de termijn", String.valueOf(t.late())),
                new Line("Nog open, termijn verstreken", String.valueOf(t.openPastDue())),
                new Line("Deel binnen de termijn beantwoord",
                        t.withinTermPercent() == null ? "nog niet te zeggen" : t.withinTermPercent() + "%"));
        List<Line> handling = new ArrayList<>(List.of(
                new Line("Verzoeken met verlengde termijn (PA-6)", String.valueOf(f.extensions().requestsExtended())),
                new Line("Verlengingen in totaal", String.valueOf(f.extensions().extensions())),
                new Line("Twee keer verlengd (het maximum)", String.valueOf(f.extensions().extendedTwice())),
                new Line("Toestemmingen geweigerd door een ouder", String.valueOf(f.consents().refused())),
                new Line("Toestemmingen ingetrokken door een ouder", String.valueOf(f.consents().withdrawn())),
                new Line("Verzoeken met een geweigerde of ingetrokken toestemming",
                        String.valueOf(f.consents().requestsConcerned()))));
        if (f.exemptions().isEmpty()) {
            handling.add(new Line("Gedeeld zonder toestemming (uitzondering G-9 of OSO-4)", "0"));
        }
        f.exemptions().forEach(x -> handling.add(new Line("Gedeeld zonder toestemming: "
                + Labels.of("ground", x.ground()), String.valueOf(x.requests()))));
        List<Line> refusals = f.refusals().stream().map(r -> new Line(r.rule() + " — " + r.gist(),
                r.whole() + " geheel, " + r.partial() + " deels")).toList();
        long[] spread = new long[4];
        f.pupils().forEach(p -> spread[(int) Math.min(4, p.requests()) - 1]++);
        long widestSpread = Math.max(1, java.util.Arrays.stream(spread).max().orElse(1));
        List<Segment> pupilBar = new ArrayList<>();
        List<Line> pupilSpread = new ArrayList<>();
        String[] names = { "1 keer", "2 keer", "3 keer", "4 keer of vaker" };
        for (int i = 0; i < 4; i++) {
            pupilBar.add(new Segment(names[i], spread[i], 100.0 * spread[i] / widestSpread, "#1565c0"));
            pupilSpread.add(new Line("Dossiers " + names[i] + " opgevraagd", String.valueOf(spread[i])));
        }
        return new SchoolView(heading, f.received(), kinds, new Bar(termBar), term, handling, refusals, pupilBar, pupilSpread);
    }

    private static void addSegment(List<Segment> bar, String label, long count, long of, String colour) {
        if (count > 0) {
            bar.add(new Segment(label, count, 100.0 * count / of, colour));
        }
    }

    /**
     * One figure per row: {@code school_year, school, measure, kind, detail, value}; the school is empty for all the
     * schools counted together. Cells are written through {@link CsvCells#safe} like the register's export.
     */
    public String csv(Account a) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("school_year", "school", "measure", "kind", "detail", "value").get())) {
            List<Figures> all = new ArrayList<>();
            all.add(a.total());
            all.addAll(a.schools());
            for (Figures f : all) {
                String school = f.school() == null ? "" : f.school();
                CsvRows rows = (measure, kind, detail, value) -> p.printRecord(a.schoolYear(), CsvCells.safe(school),
                        measure, kind, CsvCells.safe(detail), value);
                rows.add("received", "", "", f.received());
                for (YearlyAccount.KindRow k : f.kinds()) {
                    for (Map.Entry<String, Long> o : k.outcomes().entrySet()) {
                        rows.add("requests_by_outcome", k.kind(), o.getKey(), o.getValue());
                    }
                }
                YearlyAccount.Term t = f.term();
                rows.add("term_with_term", "", "", t.withTerm());
                rows.add("term_answered", "", "", t.answered());
                rows.add("term_within", "", "", t.withinTerm());
                rows.add("term_late", "", "", t.late());
                rows.add("term_open_past_due", "", "", t.openPastDue());
                rows.add("term_within_percent", "", "", t.withinTermPercent() == null ? "" : t.withinTermPercent());
                rows.add("extensions_requests", "", "", f.extensions().requestsExtended());
                rows.add("extensions_total", "", "", f.extensions().extensions());
                rows.add("extensions_twice", "", "", f.extensions().extendedTwice());
                for (YearlyAccount.RefusalRow r : f.refusals()) {
                    rows.add("refusals_whole", "", r.rule(), r.whole());
                    rows.add("refusals_partial", "", r.rule(), r.partial());
                }
                rows.add("consents_refused", "", "", f.consents().refused());
                rows.add("consents_withdrawn", "", "", f.consents().withdrawn());
                rows.add("consents_requests_concerned", "", "", f.consents().requestsConcerned());
                for (YearlyAccount.ExemptionRow x : f.exemptions()) {
                    rows.add("exemptions", "", x.ground(), x.requests());
                }
                for (YearlyAccount.PupilRow pupil : f.pupils()) {
                    rows.add("dossier_requests", "", pupil.pupilRef(), pupil.requests());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @FunctionalInterface
    private interface CsvRows {
        void add(String measure, String kind, String detail, Object value) throws IOException;
    }
}
