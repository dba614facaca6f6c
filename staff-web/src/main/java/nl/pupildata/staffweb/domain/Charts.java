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
