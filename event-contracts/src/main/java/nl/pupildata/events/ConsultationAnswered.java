package nl.pupildata.events;

import java.time.LocalDate;
import java.util.UUID;
import nl.pupildata.events.model.Consultation;

/**
 * The officer asked gave their advice, themselves (the actor holds that role). The advice itself stays in
 * request-service; a step that needs the consultation counts only an answered one of the right officer.
 */
public record ConsultationAnswered(UUID requestId, String actor, UUID consultationId, Consultation officer,
        LocalDate answeredOn) implements RequestEvent {
}
