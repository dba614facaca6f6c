package nl.pupildata.staffweb.service;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The schools' time, as the services judge dates (platform's {@code Clocks.SCHOOL_ZONE}): a form filled in at
 * half past midnight is dated today, not yesterday as the server's UTC clock would have it.
 */
public final class SchoolTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private SchoolTime() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
