package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** Consent was asked of a guardian, saying what kind of information will be given (G-10). */
public record ConsentRequested(UUID requestId, String actor, String guardianId, String informationDescription) implements ConsentEvent {
}
