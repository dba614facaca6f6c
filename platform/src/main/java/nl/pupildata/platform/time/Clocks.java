package nl.pupildata.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import nl.pupildata.events.SchoolTime;

/** The system clock in the schools' time zone; tests replace it to drive time instead of sleeping. */
public class Clocks {

    public static final ZoneId SCHOOL_ZONE = SchoolTime.ZONE;

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(SCHOOL_ZONE);
    }
}
