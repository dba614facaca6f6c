package nl.pupildata.events;

import java.util.ResourceBundle;

/**
 * The Dutch word for a code of the contract ({@code kind.PARENT_ACCESS} → "Inzage door ouder"), from
 * {@code nl/pupildata/events/labels.properties}: one place for the words the staff page and the register's yearly
 * account show.
 */
public final class Labels {

    private static final ResourceBundle LABELS = ResourceBundle.getBundle("nl.pupildata.events.labels");

    private Labels() {
    }

    /** The label, or the code itself when there is none (never an empty cell). */
    public static String of(String group, Object code) {
        if (code == null) {
            return "";
        }
        String key = group + "." + code;
        return LABELS.containsKey(key) ? LABELS.getString(key) : code.toString();
    }
}
