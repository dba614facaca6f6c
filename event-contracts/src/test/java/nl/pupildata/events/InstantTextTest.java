package nl.pupildata.events;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstantTextTest {

    @Test
    void everyInstantAsItsToStringWritesIt_readsBackTheSame() {
        Random random = new Random(20261202);
        long lowest = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long highest = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(lowest + (long) (random.nextDouble() * (highest - lowest)),
                    random.nextInt(1_000_000_000));
            // toString writes 0, 3, 6 or 9 fraction digits as the instant needs
            for (Instant t : List.of(instant, instant.truncatedTo(ChronoUnit.MICROS),
                    instant.truncatedTo(ChronoUnit.MILLIS), instant.truncatedTo(ChronoUnit.SECONDS))) {
                assertEquals(t, InstantText.parse(t.toString()), t.toString());
            }
        }
    }

    @Test
    void anyOtherText_isAcceptedOrRefusedExactlyAsInstantParseDoes() {
        for (String text : List.of("2026-11-02T09:00:00.1Z", "2026-11-02T09:00:00.12345Z", "2026-11-02T09:00:00+01:00",
                "2026-11-02T09:00:00.5-02:30", "2026-11-02t09:00:00z", "2026-11-02T24:00:00Z", "2026-11-02T23:59:60Z",
                "2026-02-30T09:00:00Z", "2026-13-02T09:00:00Z", "2026-11-02T09:00:00.Z", "2026-11-02T09:00:00.1234567890Z",
                "+2026-11-02T09:00:00Z", "20x6-11-02T09:00:00Z", "2026-11-02T09:0+:00Z", "2026-11-02T09:00:00.-1Z",
                "2026-11-02 09:00:00Z", "2026-11-02T09:00:00", "", "+12026-11-02T09:00:00Z")) {
            assertEquals(outcome(() -> Instant.parse(text)), outcome(() -> InstantText.parse(text)), text);
        }
    }

    private static Object outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
