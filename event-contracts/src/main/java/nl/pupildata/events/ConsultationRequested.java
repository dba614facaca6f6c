package nl.pupildata.events;

import java.util.UUID;
import nl.pupildata.events.model.Consultation;

/**
 * An officer was asked for advice on the request (G-9, G-11, PA-12, OSO-4). The question itself stays in
 * request-service; the event names only whom it was asked of.
 */
public record ConsultationRequested(UUID requestId, String actor, UUID consultationId, Consultation officer)
        implements RequestEvent {
}
