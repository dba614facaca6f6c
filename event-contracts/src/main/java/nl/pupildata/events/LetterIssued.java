package nl.pupildata.events;

import nl.pupildata.events.sealing.Sealed;
import java.util.UUID;
import nl.pupildata.events.model.LetterChannel;
import nl.pupildata.events.model.LetterKind;

/**
 * A letter was issued to a guardian: which letter, written from which template version, to whom (the guardian's id)
 * and how it is sent. Never its text: request-service keeps the facts it was written from and the PDF.
 */
public record LetterIssued(UUID requestId, String actor, LetterKind kind, int templateVersion,
        @Sealed String recipientGuardianId, LetterChannel channel) implements RequestEvent {
}
