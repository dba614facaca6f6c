package nl.pupildata.staffweb.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.pupildata.staffweb.client.Api;

/**
 * The register's figures as small bar charts drawn on the server (SVG: no script, nothing to load): per school, the
 * requests received per month, and of the answered ones with a term the share answered within it.
 */
public final class Charts {

    public record SchoolChart(String schoolBrin, String svg, List<Api.MonthFigures> months) {
    }

    private static final int BAR = 44;
    private static final int GAP = 22;
    private static final int HEIGHT = 140;

    private Charts() {
    }

    public static List<SchoolChart> perSchool(List<Api.MonthFigures> figures) {
        Map<String, List<Api.MonthFigures>> bySchool = new TreeMap<>();
        figures.forEach(f -> bySchool.computeIfAbsent(f.schoolBrin(), k -> new java.util.ArrayList<>()).add(f));
        return bySchool.entrySet().stream().map(e -> new SchoolChart(e.getKey(), svg(e.getKey(), e.getValue()),
                e.getValue())).toList();
    }

    static String svg(String school, List<Api.MonthFigures> months) {
        long max = Math.max(1, months.stream().mapToLong(Api.MonthFigures::received).max().orElse(1));
        int width = months.size() * (BAR + GAP) + GAP;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(HEIGHT + 44).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(HEIGHT + 44).append("\" aria-label=\"Verzoeken per maand en het deel binnen de termijn beantwoord, school ")
                .append(escape(school)).append("\">");
        for (int i = 0; i < months.size(); i++) {
            Api.MonthFigures f = months.get(i);
            int x = GAP + i * (BAR + GAP);
            int h = (int) Math.round((HEIGHT - 20) * (double) f.received() / max);
            int y = HEIGHT - h;
            b.append("<rect class=\"bar\" x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"")
                    .append(BAR).append("\" height=\"").append(h).append("\"><title>").append(escape(f.month()))
                    .append(": ").append(f.received()).append(" verzoeken, ").append(f.share())
                    .append(" binnen de termijn</title></rect>");
            b.append("<text class=\"value\" x=\"").append(x + BAR / 2).append("\" y=\"").append(y - 4)
                    .append("\" text-anchor=\"middle\">").append(f.received()).append("</text>");
            b.append("<text class=\"share\" x=\"").append(x + BAR / 2).append("\" y=\"").append(HEIGHT + 16)
                    .append("\" text-anchor=\"middle\">").append(f.share()).append("</text>");
            b.append("<text class=\"month\" x=\"").append(x + BAR / 2).append("\" y=\"").append(HEIGHT + 36)
                    .append("\" text-anchor=\"middle\">").append(escape(monthLabel(f.month()))).append("</text>");
        }
        return b.append("</svg>").toString();
    }

    /** One bar of a horizontal chart: its parts (class → count, in order) and their names for the tooltip. */
    public record Bar(String label, java.util.LinkedHashMap<String, Long> parts, Map<String, String> partNames) {
    }

    private static final int LABEL_WIDTH = 270;
    private static final int TRACK_WIDTH = 330;
    private static final int ROW = 26;

    /**
     * Horizontal bars, one per row, each made of coloured parts (their CSS class is {@code part-<key>}), scaled to the
     * longest bar; the total is written after each bar. For the yearly account: requests per kind by outcome.
     */
    public static String horizontal(String ariaLabel, List<Bar> bars) {
        long max = Math.max(1, bars.stream().mapToLong(b -> b.parts().values().stream().mapToLong(Long::longValue)
                .sum()).max().orElse(1));
        int width = LABEL_WIDTH + TRACK_WIDTH + 50;
        int height = Math.max(1, bars.size()) * ROW + 4;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart hbars\" role=\"img\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" aria-label=\"").append(escape(ariaLabel)).append("\">");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * ROW + 4;
            b.append("<text class=\"label\" x=\"0\" y=\"").append(y + 14).append("\">").append(escape(bar.label()))
                    .append("</text>");
            double x = LABEL_WIDTH;
            long total = 0;
            for (Map.Entry<String, Long> part : bar.parts().entrySet()) {
                if (part.getValue() == 0) {
                    continue;
                }
                double w = TRACK_WIDTH * (double) part.getValue() / max;
                b.append("<rect class=\"part-").append(escape(part.getKey())).append("\" x=\"")
                        .append(String.format(java.util.Locale.ROOT, "%.1f", x)).append("\" y=\"").append(y)
                        .append("\" width=\"").append(String.format(java.util.Locale.ROOT, "%.1f", w))
                        .append("\" height=\"18\"><title>").append(escape(bar.label())).append(": ")
                        .append(part.getValue()).append(' ')
                        .append(escape(bar.partNames().getOrDefault(part.getKey(), part.getKey())))
                        .append("</title></rect>");
                x += w;
                total += part.getValue();
            }
            b.append("<text class=\"value\" x=\"").append(String.format(java.util.Locale.ROOT, "%.1f", x + 6))
                    .append("\" y=\"").append(y + 14).append("\">").append(total).append("</text>");
        }
        return b.append("</svg>").toString();
    }

    private static final String[] MONTHS = { "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt",
            "nov", "dec" };

    /** "2026-11" → "nov 2026". */
    static String monthLabel(String yearMonth) {
        java.time.YearMonth m = java.time.YearMonth.parse(yearMonth);
        return MONTHS[m.getMonthValue() - 1] + " " + m.getYear();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
