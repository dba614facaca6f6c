package nl.pupildata.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

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

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(PupilDataEvent event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("schemaVersion", EventType.of(event).schemaVersion());
        node.setAll((ObjectNode) MAPPER.valueToTree(event));
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + event.getClass().getSimpleName(), e);
        }
    }

    /** @throws InvalidEventException when the JSON is malformed, of another schema version, or does not fit the type. */
    public static PupilDataEvent fromJson(EventType type, String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (!(tree instanceof ObjectNode node)) {
                throw new InvalidEventException(type.typeName() + " payload is not a JSON object");
            }
            JsonNode version = node.remove("schemaVersion");
            if (version == null || !version.canConvertToInt() || version.intValue() != type.schemaVersion()) {
                throw new InvalidEventException(type.typeName() + " has unsupported schemaVersion " + version);
            }
            PupilDataEvent event = MAPPER.treeToValue(node, type.eventClass());
            if (event.requestId() == null) {
                throw new InvalidEventException(type.typeName() + " has no requestId");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(type.typeName() + " payload cannot be read: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(type.typeName() + " payload cannot be read: " + e.getMessage(), e);
        }
    }
}
