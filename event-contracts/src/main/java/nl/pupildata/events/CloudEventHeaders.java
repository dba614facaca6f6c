package nl.pupildata.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.events.sealing.ValueSeal;

/**
 * CloudEvents 1.0 in Kafka binary mode: the attributes travel as {@code ce_*} headers, the payload is the
 * event's JSON. No header is ever null (smallrye-reactive-messaging#1848).
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    public static Map<String, String> toHeaders(EventEnvelope envelope) {
        return toHeaders(envelope.eventId(), envelope.type(), envelope.requestId(), envelope.time());
    }

    /** The headers of an event; its source is the service that produces the event's topic. */
    public static Map<String, String> toHeaders(UUID eventId, EventType type, UUID requestId, Instant time) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, "1.0");
        headers.put(ID, eventId.toString());
        headers.put(SOURCE, type.topic().producer());
        headers.put(TYPE, type.typeName());
        headers.put(SUBJECT, requestId.toString());
        headers.put(TIME, time.toString());
        headers.put(CONTENT_TYPE, "application/json");
        return headers;
    }

    /**
     * Reads an event back from its headers and payload.
     *
     * @throws InvalidEventException when a header is missing or malformed, the type is unknown, or the
     *     payload does not fit; such a message can never be processed and belongs in the dead-letter topic.
     */
    public static EventEnvelope fromHeaders(Map<String, String> headers, String payload) {
        return fromHeaders(headers, payload, ValueSeal.plain());
    }

    /** Reads an event back, opening its sealed values with {@code seal} (see {@link EventJson#fromJson}). */
    public static EventEnvelope fromHeaders(Map<String, String> headers, String payload, ValueSeal seal) {
        EventType type = EventType.ofName(required(headers, TYPE));
        UUID id = uuid(required(headers, ID), ID);
        Instant time;
        try {
            time = InstantText.parse(required(headers, TIME));
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("Header " + TIME + " is not an ISO instant");
        }
        return envelope(id, type, uuid(required(headers, SUBJECT), SUBJECT), time, payload, seal);
    }

    /**
     * The one reading of an event from its attributes and payload, for a message and for a stored event alike: the
     * payload read as its type, and about the request the attributes name.
     */
    private static EventEnvelope envelope(UUID id, EventType type, UUID subject, Instant time, String payload,
            ValueSeal seal) {
        if (payload == null) {
            throw new InvalidEventException("Message has no payload");
        }
        PupilDataEvent event = EventJson.fromJson(type, payload, seal);
        if (!subject.equals(event.requestId())) {
            throw new InvalidEventException("Header " + SUBJECT + " does not match the payload's requestId");
        }
        return new EventEnvelope(id, time, event);
    }

    /**
     * Reads an event back from where a service stored it (its id, type, request id, time and JSON), with the
     * same checks as a message from Kafka.
     */
    public static EventEnvelope fromStored(UUID eventId, String type, UUID requestId, Instant time, String payload) {
        return fromStored(eventId, type, requestId, time, payload, ValueSeal.plain());
    }

    /** Reads a stored event back, opening its sealed values with its request's {@code seal}. */
    public static EventEnvelope fromStored(UUID eventId, String type, UUID requestId, Instant time, String payload,
            ValueSeal seal) {
        // As they were stored: no text in between (writing the instant and parsing it again was a tenth of a replay).
        return envelope(eventId, EventType.ofName(type), requestId, time, payload, seal);
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("Missing CloudEvents header " + name);
        }
        return value;
    }

    private static UUID uuid(String value, String header) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("Header " + header + " is not a UUID");
        }
    }
}
