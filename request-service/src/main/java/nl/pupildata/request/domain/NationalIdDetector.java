package nl.pupildata.request.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SWV-4: finds a BSN or onderwijsnummer (nine digits passing the eleven-test) anywhere in a text. */
public final class NationalIdDetector {

    private static final Pattern NINE_DIGITS = Pattern.compile("(?<!\\d)\\d{9}(?!\\d)");

    private NationalIdDetector() {
    }

    public static boolean containsNationalId(String text) {
        if (text == null) {
            return false;
        }
        // Separators people type inside numbers ("123.456.782", "123 45 6782") do not hide a BSN.
        String compact = text.replaceAll("(?<=\\d)[ .\\-](?=\\d)", "");
        Matcher m = NINE_DIGITS.matcher(compact);
        while (m.find()) {
            if (passesElevenTest(m.group())) {
                return true;
            }
        }
        return false;
    }

    /** Digits weighted 9, 8, …, 2 and −1 for the last; the sum is divisible by 11 (and not 0). */
    public static boolean passesElevenTest(String nineDigits) {
        if (nineDigits.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nineDigits.charAt(i) - '0');
        }
        sum -= nineDigits.charAt(8) - '0';
        return sum != 0 && sum % 11 == 0;
    }
}
