package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The consent requirement became met (by consent or exemption). */
public record ConsentSatisfied(UUID requestId, String actor, boolean byExemption) implements ConsentEvent {
}
