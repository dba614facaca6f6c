package nl.pupildata.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.model.*;

/** A second colleague reviewed the drafted answer (G-8c, four eyes). */
public record AnswerReviewed(UUID requestId, String actor) implements RequestEvent {
}
