package nl.pupildata.events.sealing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.pupildata.events.ConsentRequirementDetermined;
import nl.pupildata.events.EventJson;
import nl.pupildata.events.EventType;
import nl.pupildata.events.InvalidEventException;
import nl.pupildata.events.RequestReceived;
import nl.pupildata.events.model.AccessMode;
import nl.pupildata.events.model.Complexity;
import nl.pupildata.events.model.ConsentRequirement;
import nl.pupildata.events.model.GuardianRef;
import nl.pupildata.events.model.ReceivedVia;
import nl.pupildata.events.model.RequestKind;
import nl.pupildata.events.model.RequesterCategory;
import nl.pupildata.events.model.ThirdPartyTopic;
import org.junit.jupiter.api.Test;

/** Crypto-shredding's codec (issue 19): what is sealed, what an erased key reads as, what is refused. */
class ValueSealTest {

    static final UUID REQUEST = UUID.fromString("5d1f3c2e-8a47-4b1e-9c55-0d2e6f7a8b90");
    static final RequestKey KEY = new RequestKey(REQUEST, RequestKey.newSecret());

    static RequestReceived thirdPartyRequest() {
        return new RequestReceived(REQUEST, "kc@12AB", "12AB", RequestKind.THIRD_PARTY,
                LocalDate.of(2026, 11, 2), ReceivedVia.EMAIL, "LL-778899", 5, false,
                List.of(new GuardianRef("mother-4711", true), new GuardianRef("father-4712", true)), true,
                RequesterCategory.GUARDIAN, "mother-4711", AccessMode.PDF_BY_SECURE_MAIL, ThirdPartyTopic.VEILIG_THUIS,
                Complexity.COMPLEX, null, null);
    }

    @Test
    void sealedJsonHoldsNoneOfTheValues_andReadsBackWithTheKey() {
        RequestReceived event = thirdPartyRequest();
        String json = EventJson.toJson(event, KEY);
        for (String value : List.of("LL-778899", "mother-4711", "father-4712", "VEILIG_THUIS")) {
            assertFalse(json.contains(value), value + " is in " + json);
        }
        assertTrue(json.contains("\"pupilRef\":\"" + ValueSeal.PREFIX), json);
        assertTrue(json.contains("\"schoolBrin\":\"12AB\""), "references that are not sealed stay readable: " + json);
        assertEquals(event, EventJson.fromJson(EventType.REQUEST_RECEIVED, json, KEY));
        assertEquals(json, EventJson.toJson(event, KEY), "the same event is written the same way twice");
    }

    @Test
    void aListOfSealedValues_isSealedValueByValue() {
        ConsentRequirementDetermined event = new ConsentRequirementDetermined(REQUEST, "consent-service",
                ConsentRequirement.ALL_WITH_AUTHORITY, List.of("mother-4711", "father-4712"));
        String json = EventJson.toJson(event, KEY);
        assertFalse(json.contains("mother-4711"), json);
        assertEquals(event, EventJson.fromJson(EventType.CONSENT_REQUIREMENT_DETERMINED, json, KEY));
    }

    @Test
    void afterErasure_sealedValuesReadAsErased_andRewritingAPlainCopyGivesTheSameJson() {
        RequestReceived event = thirdPartyRequest();
        String sealed = EventJson.toJson(event, KEY);
        RequestReceived erased = (RequestReceived) EventJson.fromJson(EventType.REQUEST_RECEIVED, sealed,
                ValueSeal.erasedSeal());
        assertEquals(ValueSeal.ERASED, erased.pupilRef());
        assertEquals(ValueSeal.ERASED, erased.requesterGuardianId());
        assertEquals(ValueSeal.ERASED, erased.guardians().get(0).id());
        assertNull(erased.topic(), "an erased enum value reads as null");
        assertEquals(event.receivedOn(), erased.receivedOn(), "dates and counts stay");
        // What a replay writes after erasure equals what the live register rewrites its plain copy into.
        assertEquals(EventJson.toJson(erased), EventJson.toJson(event, ValueSeal.erasedSeal()));
    }

    @Test
    void aKeyThatHasNotArrived_isRetried_notDeadLettered() {
        String sealed = EventJson.toJson(thirdPartyRequest(), KEY);
        KeyNotYetKnownException e = assertThrows(KeyNotYetKnownException.class,
                () -> EventJson.fromJson(EventType.REQUEST_RECEIVED, sealed, ValueSeal.notYetKnown(REQUEST)));
        assertEquals(REQUEST, e.requestId());
    }

    @Test
    void anotherKey_orAValueMovedToAnotherRequest_doesNotOpen() {
        String sealed = EventJson.toJson(thirdPartyRequest(), KEY);
        assertThrows(InvalidEventException.class, () -> EventJson.fromJson(EventType.REQUEST_RECEIVED, sealed,
                new RequestKey(REQUEST, RequestKey.newSecret())));
        String value = KEY.seal("LL-778899");
        UUID other = UUID.randomUUID();
        assertThrows(InvalidEventException.class, () -> new RequestKey(other, secretOf()).open(value));
        assertThrows(InvalidEventException.class, () -> EventJson.fromJson(EventType.REQUEST_RECEIVED, sealed,
                ValueSeal.plain()), "a plain reader refuses a sealed value");
    }

    @Test
    void theSameValueSealedTwiceInARow_givesTheSameText_andAValueThatDidNotOpenLeavesTheNextOneWhole() {
        // A guardian who is also the last one listed: the same value of the same request, sealed one after the other
        // on one thread (its cipher is reused, and GCM refuses its last key and IV for encryption).
        String once = KEY.seal("mother-4711");
        assertEquals(once, KEY.seal("mother-4711"));
        assertEquals("mother-4711", KEY.open(KEY.seal("mother-4711")));
        String foreign = new RequestKey(REQUEST, secretOf()).seal("father-4712");
        assertThrows(InvalidEventException.class, () -> KEY.open(foreign));
        assertEquals("father-4712", KEY.open(KEY.seal("father-4712")));
        assertEquals(once, KEY.seal("mother-4711"));
    }

    @Test
    void valuesWrittenBeforeSealing_areReadAsTheyAre() {
        RequestReceived event = thirdPartyRequest();
        assertEquals(event, EventJson.fromJson(EventType.REQUEST_RECEIVED, EventJson.toJson(event), KEY));
        assertEquals(event, EventJson.fromJson(EventType.REQUEST_RECEIVED, EventJson.toJson(event),
                ValueSeal.notYetKnown(REQUEST)));
    }

    private static byte[] secretOf() {
        return RequestKey.newSecret();
    }
}
