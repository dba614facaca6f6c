package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The guardians were informed (G-6 before an outgoing inquiry; G-8d before a complex answer). */
public record GuardiansInformed(UUID requestId, String actor, LocalDate on) implements RequestEvent {
}
