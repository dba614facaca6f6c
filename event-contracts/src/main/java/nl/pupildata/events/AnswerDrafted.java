package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** An answer to a complex request was written internally (G-8c). */
public record AnswerDrafted(UUID requestId, String actor) implements RequestEvent {
}
