package nl.pupildata.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import nl.pupildata.events.sealing.KeyNotYetKnownException;
import nl.pupildata.events.sealing.Sealed;
import nl.pupildata.events.sealing.ValueSeal;

/**
 * The JSON payload of an event: {@code schemaVersion} first, then the record's fields in declaration order,
 * ISO dates. A tolerant reader (docs/events.md): fields this version does not know are ignored, so a producer may
 * add an optional field before its consumers are upgraded. What it cannot ignore makes the message a poison
 * message: JSON that is not an object, another {@code schemaVersion}, a field of the wrong type, no request id.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    /** One reader per event class, made once (each replayed event is read twice; making the reader was 2 % of it). */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> eventClass) {
            return MAPPER.readerFor(eventClass);
        }
    };

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The event with its {@link Sealed} values as they are: for what stays inside one service's database. */
    public static String toJson(PupilDataEvent event) {
        return toJson(event, ValueSeal.plain());
    }

    /** The event with its {@link Sealed} values sealed by {@code seal}: for the event stores and Kafka. */
    public static String toJson(PupilDataEvent event, ValueSeal seal) {
        String fields;
        try {
            fields = MAPPER.writer().withAttribute(ValueSeal.class, seal).writeValueAsString(event);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + event.getClass().getSimpleName(), e);
        }
        // The record is written as one JSON object, "{" first; schemaVersion goes in front of its fields, written
        // once (no tree in between: this runs for every event stored, published and replayed).
        String version = "{\"schemaVersion\":" + EventType.of(event).schemaVersion();
        return fields.equals("{}") ? version + "}" : version + "," + fields.substring(1);
    }

    /** Reads an event whose values are plain (see {@link #toJson(PupilDataEvent)}). */
    public static PupilDataEvent fromJson(EventType type, String json) {
        return fromJson(type, json, ValueSeal.plain());
    }

    /**
     * Reads an event, opening its sealed values with {@code seal}.
     *
     * @throws InvalidEventException when the JSON is malformed, of another schema version, or does not fit the type
     * @throws KeyNotYetKnownException when it holds a sealed value and the request's key has not arrived yet
     */
    public static PupilDataEvent fromJson(EventType type, String json, ValueSeal seal) {
        try {
            PupilDataEvent usual = readVersionFirst(type, json, seal);
            if (usual != null) {
                return usual;
            }
            JsonNode tree = MAPPER.readTree(json);
            if (!(tree instanceof ObjectNode node)) {
                throw new InvalidEventException(type.typeName() + " payload is not a JSON object");
            }
            JsonNode version = node.remove("schemaVersion");
            if (version == null || !version.canConvertToInt() || version.intValue() != type.schemaVersion()) {
                throw new InvalidEventException(type.typeName() + " has unsupported schemaVersion " + version);
            }
            PupilDataEvent event = READERS.get(type.eventClass()).withAttribute(ValueSeal.class, seal)
                    .readValue(node);
            if (event.requestId() == null) {
                throw new InvalidEventException(type.typeName() + " has no requestId");
            }
            return event;
        } catch (IOException e) {
            KeyNotYetKnownException.in(e).ifPresent(k -> {
                throw k;
            });
            InvalidEventException invalid = invalidIn(e);
            if (invalid != null) {
                throw new InvalidEventException(type.typeName() + " payload cannot be read: " + invalid.getMessage(), e);
            }
            String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new InvalidEventException(type.typeName() + " payload cannot be read: " + reason, e);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(type.typeName() + " payload cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The usual case read in one pass: {@code schemaVersion} first (as {@link #toJson} writes it) and this version's;
     * the record is read from the same parser, from the field after it. Null for anything else, which the tree
     * reading in {@link #fromJson(EventType, String, ValueSeal)} then judges and explains.
     */
    private static PupilDataEvent readVersionFirst(EventType type, String json, ValueSeal seal) throws IOException {
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME
                    || !"schemaVersion".equals(parser.currentName())
                    || parser.nextToken() != JsonToken.VALUE_NUMBER_INT
                    || parser.getNumberType() != JsonParser.NumberType.INT
                    || parser.getIntValue() != type.schemaVersion()
                    || parser.nextToken() != JsonToken.FIELD_NAME) {
                return null;
            }
            PupilDataEvent event = READERS.get(type.eventClass()).withAttribute(ValueSeal.class, seal)
                    .readValue(parser);
            if (event == null || event.requestId() == null) {
                throw new InvalidEventException(type.typeName() + " has no requestId");
            }
            return event;
        }
    }

    private static InvalidEventException invalidIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidEventException i) {
                return i;
            }
        }
        return null;
    }
}
