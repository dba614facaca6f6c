package nl.pupildata.register.persistence;

/**
 * A text cell made safe for a spreadsheet: one that starts with {@code = + - @}, a tab or a carriage return would be
 * read as a formula (CSV injection: {@code =HYPERLINK(…)} in a pupil reference becomes a live link), so it gets a
 * leading apostrophe, which spreadsheets show as text. Every CSV the register writes goes through here.
 */
public final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    public static Object safe(Object value) {
        if (value instanceof String s && !s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return value;
    }

    public static String safe(String value) {
        return (String) safe((Object) value);
    }
}
