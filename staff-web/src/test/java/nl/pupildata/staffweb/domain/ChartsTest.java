package nl.pupildata.staffweb.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.pupildata.staffweb.client.Api;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void oneChartPerSchool_withTheShareAnsweredWithinTheTerm() {
        List<Charts.SchoolChart> charts = Charts.perSchool(List.of(
                new Api.MonthFigures("34CD", "2026-10", 3, 3, 2, 1),
                new Api.MonthFigures("12AB", "2026-10", 4, 4, 4, 3),
                new Api.MonthFigures("12AB", "2026-11", 2, 1, 0, 0)));
        assertEquals(List.of("12AB", "34CD"), charts.stream().map(Charts.SchoolChart::schoolBrin).toList());
        assertEquals("75%", charts.get(0).months().get(0).share());
        assertEquals("—", charts.get(0).months().get(1).share(), "nothing answered yet");
        String svg = charts.get(0).svg();
        assertTrue(svg.startsWith("<svg") && svg.contains("role=\"img\"") && svg.contains("aria-label="), svg);
        assertTrue(svg.contains(">okt 2026<") && svg.contains(">nov 2026<"), "Dutch month labels");
    }

    @Test
    void aSchoolCodeCannotBreakOutOfTheSvg() {
        String svg = Charts.perSchool(List.of(new Api.MonthFigures("<script>", "2026-10", 1, 1, 1, 1))).get(0).svg();
        assertTrue(!svg.contains("<script>") && svg.contains("&lt;script&gt;"), svg);
    }
}
