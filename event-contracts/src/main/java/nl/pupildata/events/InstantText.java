package nl.pupildata.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the {@code ce_time} of an event. Producers write it with {@link Instant#toString()}
 * ({@code 2026-11-02T09:00:00.123456Z}: four-digit year, UTC, a fraction of 0, 3, 6 or 9 digits); that form is read
 * here field by field, because the general ISO parser was 7 % of the register's replay. Every other text (an offset,
 * another fraction, anything malformed) goes to {@link Instant#parse}, so what is accepted and what is refused stays
 * exactly the JDK's.
 */
final class InstantText {

    /** Nanoseconds per unit of a fraction of 0 to 9 digits. */
    private static final int[] SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private InstantText() {
    }

    /** @throws java.time.format.DateTimeParseException as {@link Instant#parse} does */
    static Instant parse(String text) {
        int n = text.length();
        if (n >= 20 && n <= 30 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(n - 1) == 'Z'
                && (n == 20 || text.charAt(19) == '.' && n > 21)) {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int fraction = n == 20 ? 0 : digits(text, 20, n - 1); // n - 21 digits
            if ((year | month | day | hour | minute | second | fraction) >= 0) {
                try {
                    long epochSecond = LocalDateTime.of(year, month, day, hour, minute, second)
                            .toEpochSecond(ZoneOffset.UTC);
                    return Instant.ofEpochSecond(epochSecond, n == 20 ? 0 : (long) fraction * SCALE[n - 21]);
                } catch (DateTimeException outOfRange) {
                    // 24:00, 23:59:60, 30 February …: left to the JDK, which refuses or resolves them its own way
                }
            }
        }
        return Instant.parse(text);
    }

    /** The decimal digits from {@code begin} to {@code end}; -1 when any other character is among them. */
    private static int digits(String text, int begin, int end) {
        int value = 0;
        for (int i = begin; i < end; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
