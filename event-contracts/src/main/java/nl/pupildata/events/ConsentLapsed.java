package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The consent requirement is no longer met (G-5: a withdrawal). */
public record ConsentLapsed(UUID requestId, String actor, String guardianId) implements ConsentEvent {
}
