package nl.pupildata.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** The system clock in the schools' time zone; tests replace it to drive time instead of sleeping. */
public class Clocks {

    public static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(SCHOOL_ZONE);
    }
}
