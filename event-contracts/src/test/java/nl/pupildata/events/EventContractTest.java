package nl.pupildata.events;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.*;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventContractTest {

    @Test
    void everyEventClassHasExactlyOneWireType() {
        Set<Class<?>> permitted = new HashSet<>();
        for (Class<?> family : PupilDataEvent.class.getPermittedSubclasses()) {
            permitted.addAll(List.of(family.getPermittedSubclasses()));
        }
        Set<Class<?>> registered = new HashSet<>();
        for (EventType type : EventType.values()) {
            assertTrue(registered.add(type.eventClass()), type + " registers a class twice");
            assertTrue(type.topic().producer().endsWith("-service"));
        }
        assertEquals(permitted, registered);
    }

    @Test
    void typeNamesAreTheContractNamesNotClassNamesByAccident() {
        // The names ARCHITECTURE.md fixes; they must never change.
        List<String> contract = List.of("RequestReceived", "RequestAcknowledged", "DossierReviewed", "AnswerDrafted",
                "AnswerReviewed", "GuardiansInformed", "InformationShared", "DeliveryConfirmed",
                "OtherGuardianNotified", "CorrectionRequested", "StatementAdded", "RequestRefused",
                "RequestWithdrawn", "RequestClosed", "ConsentRequested", "ConsentGranted", "ConsentRefused",
                "ConsentWithdrawn", "ConsentExemptionGranted", "ConsentSatisfied", "ConsentLapsed", "DeadlineSet",
                "DeadlineExtended", "DeadlineDueSoon", "DeadlineMissed", "DeadlineMet", "DeadlineCancelled");
        for (String name : contract) {
            assertNotNull(EventType.ofName(name));
        }
    }

    @Test
    void eventTopicsFollowTheirFamily() {
        for (EventType type : EventType.values()) {
            Topic expected = RequestEvent.class.isAssignableFrom(type.eventClass()) ? Topic.REQUESTS
                    : ConsentEvent.class.isAssignableFrom(type.eventClass()) ? Topic.CONSENTS : Topic.DEADLINES;
            assertEquals(expected, type.topic(), type.typeName());
        }
    }

    @Test
    void noEventHasAFieldForPersonalDetails() {
        List<String> forbidden = List.of("name", "email", "mail", "phone", "birth", "bsn", "address");
        for (EventType type : EventType.values()) {
            componentNames(type.eventClass()).forEach(field -> forbidden.forEach(word -> assertFalse(
                    field.toLowerCase(Locale.ROOT).contains(word),
                    type.typeName() + "." + field + " looks like a personal detail")));
        }
    }

    @Test
    void headersCarryTheCloudEventsAttributesAndNoNulls() {
        EventEnvelope envelope = new EventEnvelope(UUID.fromString("11111111-2222-3333-4444-555555555555"),
                Instant.parse("2026-11-02T09:15:00Z"), SampleEvents.of(EventType.REQUEST_RECEIVED));
        Map<String, String> headers = CloudEventHeaders.toHeaders(envelope);
        assertEquals("1.0", headers.get("ce_specversion"));
        assertEquals("11111111-2222-3333-4444-555555555555", headers.get("ce_id"));
        assertEquals("request-service", headers.get("ce_source"));
        assertEquals("RequestReceived", headers.get("ce_type"));
        assertEquals(SampleEvents.REQUEST.toString(), headers.get("ce_subject"));
        assertEquals("2026-11-02T09:15:00Z", headers.get("ce_time"));
        assertFalse(headers.containsValue(null));
        assertEquals(envelope, CloudEventHeaders.fromHeaders(headers, EventJson.toJson(envelope.event())));
    }

    @Test
    void unreadableMessagesAreInvalidNotCrashes() {
        EventEnvelope envelope = EventEnvelope.wrap(SampleEvents.of(EventType.DEADLINE_MET), Instant.now());
        Map<String, String> headers = CloudEventHeaders.toHeaders(envelope);
        String json = EventJson.toJson(envelope.event());
        assertThrows(InvalidEventException.class, () -> CloudEventHeaders.fromHeaders(headers, "{not json"));
        assertThrows(InvalidEventException.class, () -> CloudEventHeaders.fromHeaders(headers, "[]"));
        assertThrows(InvalidEventException.class,
                () -> CloudEventHeaders.fromHeaders(headers, json.replace("\"schemaVersion\":1", "\"schemaVersion\":9")));
        assertThrows(InvalidEventException.class,
                () -> CloudEventHeaders.fromHeaders(headers, json.replace("\"metOn\":\"", "\"metOn\":\"not a date")));
        assertThrows(InvalidEventException.class, () -> CloudEventHeaders.fromHeaders(headers,
                json.replaceAll(",?\"withinTerm\":(true|false)", "")), "a required primitive left out");
        Map<String, String> unknownType = new HashMap<>(headers);
        unknownType.put("ce_type", "DossierPrinted");
        assertThrows(InvalidEventException.class, () -> CloudEventHeaders.fromHeaders(unknownType, json));
        Map<String, String> otherSubject = new HashMap<>(headers);
        otherSubject.put("ce_subject", UUID.randomUUID().toString());
        assertThrows(InvalidEventException.class, () -> CloudEventHeaders.fromHeaders(otherSubject, json));
        Map<String, String> noId = new HashMap<>(headers);
        noId.remove("ce_id");
        assertThrows(InvalidEventException.class, () -> CloudEventHeaders.fromHeaders(noId, json));
    }

    /** docs/events.md: a producer may add an optional field before its consumers know it. */
    @Test
    void aReaderIgnoresFieldsAddedByANewerProducer_atTheTopAndInNestedObjects() throws Exception {
        for (EventType type : EventType.values()) {
            EventEnvelope envelope = EventEnvelope.wrap(SampleEvents.of(type), Instant.now());
            com.fasterxml.jackson.databind.JsonNode tree = EventJson.mapper().readTree(EventJson.toJson(envelope.event()));
            addField(tree);
            String newer = tree.toString();
            assertTrue(newer.contains("addedLater"), type.typeName());
            assertEquals(envelope, CloudEventHeaders.fromHeaders(CloudEventHeaders.toHeaders(envelope), newer),
                    type.typeName() + " with a field of a later version");
        }
    }

    private static void addField(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.elements().forEachRemaining(EventContractTest::addField);
            object.put("addedLater", 1);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(EventContractTest::addField);
        }
    }

    private static Stream<String> componentNames(Class<?> type) {
        if (!type.isRecord()) {
            return Stream.empty();
        }
        return Arrays.stream(type.getRecordComponents()).flatMap(c -> Stream.concat(Stream.of(c.getName()),
                nested(c).flatMap(EventContractTest::componentNames).map(n -> c.getName() + "." + n)));
    }

    private static Stream<Class<?>> nested(RecordComponent component) {
        Type generic = component.getGenericType();
        if (generic instanceof ParameterizedType p) {
            return Arrays.stream(p.getActualTypeArguments()).filter(Class.class::isInstance).map(t -> (Class<?>) t);
        }
        return Stream.of(component.getType());
    }
}
