package nl.pupildata.events;

import nl.pupildata.events.sealing.Sealed;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** The board's decision on a research request, with its reason (G-12). */
public record ResearchDecided(UUID requestId, String actor, ResearchDecision decision, @Sealed String reason) implements RequestEvent {
}
