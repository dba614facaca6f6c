package nl.pupildata.rules;

import java.util.regex.Pattern;

/**
 * What staff type that goes into an event — and so onto Kafka, into every service's store, the register and its
 * CSV — is narrow: identifiers are opaque references, reasons are plain reasons of bounded length without an e-mail
 * address (a BSN or onderwijsnummer is {@link NationalIds}' SWV-4). The problems say what is wrong, never the value.
 * Every service checks what it puts in an event with these.
 */
public final class EventValues {

    /** A pupil reference or a guardian's id: 1–40 letters, digits, '.', '-' or '_', starting with a letter or digit. */
    public static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    /** The longest reason or description an event carries. */
    public static final int MAX_TEXT = 1000;

    private static final Pattern EMAIL_IN_TEXT = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[A-Za-z]{2,}");

    private EventValues() {
    }

    /** Why this identifier may not go into an event, or null when it may (and when there is none). */
    public static String referenceProblem(String value) {
        if (value == null || REFERENCE.matcher(value).matches()) {
            return null;
        }
        return "geen geldige referentie: 1 tot 40 letters, cijfers, punten of streepjes (geen naam of e-mailadres)";
    }

    /**
     * Why this typed text cannot be stored, or null when it can: a control character other than a line break or a
     * tab. A NUL above all: PostgreSQL refuses it in text, so it would fail the write (a 500 for the one who typed
     * it) or, in an event, stop every consumer that stores the text. Checked for all that staff type, not only for
     * what goes into an event.
     */
    public static String invisibleCharacterProblem(String value) {
        if (value != null && value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            return "bevat onzichtbare tekens";
        }
        return null;
    }

    /** Why this reason or description may not go into an event, or null when it may (and when there is none). */
    public static String textProblem(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            return "te lang (hoogstens " + MAX_TEXT + " tekens)";
        }
        String invisible = invisibleCharacterProblem(value);
        if (invisible != null) {
            return invisible;
        }
        if (EMAIL_IN_TEXT.matcher(value).find()) {
            return "bevat een e-mailadres; noem geen personen, alleen de reden";
        }
        return null;
    }
}
