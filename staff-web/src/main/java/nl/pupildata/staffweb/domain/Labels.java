package nl.pupildata.staffweb.domain;

import java.util.ResourceBundle;

/** The Dutch word for a code of the contract ({@code kind.PARENT_ACCESS} → "Inzage door ouder"), from labels.properties. */
public final class Labels {

    private static final ResourceBundle LABELS = ResourceBundle.getBundle("labels");

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
