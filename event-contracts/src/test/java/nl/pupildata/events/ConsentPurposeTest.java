package nl.pupildata.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import nl.pupildata.events.model.ConsentEvidence;
import nl.pupildata.events.model.ConsentPurpose;
import org.junit.jupiter.api.Test;

/**
 * SWV-5's own consent travels on the same consent events with a purpose; the request's own consent is written
 * without the field, exactly as before it existed, so a consumer not yet upgraded reads it unchanged.
 */
class ConsentPurposeTest {

    static final UUID ID = UUID.fromString("0b6c2a9e-4f0d-4a53-9d0e-2f1f7f3c2a11");

    @Test
    void theRequestsOwnConsentHasNoPurposeOnTheWire_anotherPurposeIsNamed() {
        String own = EventJson.toJson(new ConsentGranted(ID, "kc@12AB", "g1", ConsentEvidence.EMAIL, "mail"));
        assertFalse(own.contains("purpose"), own);
        ConsentGranted read = (ConsentGranted) EventJson.fromJson(EventType.CONSENT_GRANTED, own);
        assertEquals(ConsentPurpose.REQUEST, ConsentPurpose.of(read.purpose()));

        String contact = EventJson.toJson(new ConsentGranted(ID, "kc@12AB", "g1", ConsentEvidence.EMAIL, "mail",
                ConsentPurpose.NEXT_SCHOOL_CONTACT.onTheWire()));
        assertTrue(contact.contains("\"purpose\":\"NEXT_SCHOOL_CONTACT\""), contact);
        assertEquals(ConsentPurpose.NEXT_SCHOOL_CONTACT,
                ((ConsentGranted) EventJson.fromJson(EventType.CONSENT_GRANTED, contact)).purpose());
        assertEquals(null, ConsentPurpose.REQUEST.onTheWire());
    }
}
