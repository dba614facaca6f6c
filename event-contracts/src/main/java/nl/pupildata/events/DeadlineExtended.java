package nl.pupildata.events;

import nl.pupildata.events.sealing.Sealed;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The term was extended by one month (PA-6). */
public record DeadlineExtended(UUID requestId, String actor, int number, LocalDate newDueOn, @Sealed String reason, LocalDate guardiansNotifiedOn) implements DeadlineEvent {
}
