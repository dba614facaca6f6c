package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The guardians inspected the transfer file before it was sent (OSO-5). */
public record GuardianInspectionHeld(UUID requestId, String actor, LocalDate on, boolean agrees, boolean statementAdded) implements RequestEvent {
}
