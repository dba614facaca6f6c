package nl.pupildata.deadline.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;
import java.util.Map;

/** The term per kind of request (PA-4: 4 weeks for a guardian's access request) and the warning window. */
@ConfigMapping(prefix = "pupil-data.deadline")
public interface DeadlineConfig {
    /** Kinds without an entry get no term. */
    Map<String, Period> terms();

    @WithDefault("7")
    int dueSoonDays();

    /** How often the scheduler looks for terms that are due soon or missed. */
    @WithDefault("60s")
    String scanInterval();
}
