package nl.pupildata.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SWV-4: finds a BSN or an onderwijsnummer anywhere in a text, however it is typed ("111.222.333", "111 22 2333").
 * Both are nine digits weighed 9, 8, …, 2 and −1 for the last (the eleven-test): a BSN's sum is divisible by 11; an
 * onderwijsnummer starts with 10 and its sum leaves 5. Every service checks what staff type with this one test.
 */
public final class NationalIds {

    private static final Pattern NINE_DIGITS = Pattern.compile("(?<!\\d)\\d{9}(?!\\d)");
    /** A separator people type inside a number ("123.456.782", "123 45 6782"). */
    private static final Pattern SEPARATOR_IN_NUMBER = Pattern.compile("(?<=\\d)[ .\\-](?=\\d)");

    private NationalIds() {
    }

    public static boolean containsNationalId(String text) {
        if (text == null || text.chars().filter(NationalIds::isDigit).count() < 9) {
            return false; // most texts (every intake's fields are checked): no regular expression needed
        }
        // Separators people type inside numbers do not hide one.
        String compact = SEPARATOR_IN_NUMBER.matcher(text).replaceAll("");
        Matcher m = NINE_DIGITS.matcher(compact);
        while (m.find()) {
            if (isBsn(m.group()) || isOnderwijsnummer(m.group())) {
                return true;
            }
        }
        return false;
    }

    /** The BSN's eleven-test: the weighted sum is divisible by 11 (and not 0). */
    public static boolean isBsn(String nineDigits) {
        Integer sum = weightedSum(nineDigits);
        return sum != null && sum != 0 && Math.floorMod(sum, 11) == 0;
    }

    /** The onderwijsnummer: starts with 10, and the same weighted sum leaves 5 when divided by 11. */
    public static boolean isOnderwijsnummer(String nineDigits) {
        Integer sum = weightedSum(nineDigits);
        return sum != null && nineDigits.startsWith("10") && Math.floorMod(sum, 11) == 5;
    }

    private static Integer weightedSum(String nineDigits) {
        if (nineDigits == null || nineDigits.length() != 9 || !nineDigits.chars().allMatch(NationalIds::isDigit)) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nineDigits.charAt(i) - '0');
        }
        return sum - (nineDigits.charAt(8) - '0');
    }

    /** An ASCII digit: what {@code \d} matches. */
    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
