package nl.pupildata.events;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The schools' time: every date of the contract (receivedOn, dueOn, a consent's date) is a date in this zone, and
 * every part judges "today" in it — the services (platform's {@code Clocks}), the staff page's forms and the local
 * run's demo data. A form filled in at half past midnight is dated today, not yesterday as a UTC clock has it.
 */
public final class SchoolTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private SchoolTime() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
