package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** A guardian consented in writing (G-3). */
public record ConsentGranted(UUID requestId, String actor, String guardianId, ConsentEvidence evidence, String evidenceRef) implements ConsentEvent {
}
