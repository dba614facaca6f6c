package nl.pupildata.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml describes the three topics, their messages, the CloudEvents headers and every payload.
 * It is generated from the event contract classes here; this test fails when the committed file differs,
 * so the document cannot drift from the code. To refresh it: copy target/asyncapi.yaml to docs/.
 */
class AsyncApiDocumentTest {

    static final Path COMMITTED = Path.of("..", "docs", "asyncapi.yaml");

    @Test
    void theCommittedAsyncApiDocumentMatchesTheEventContracts() throws Exception {
        String generated = new YAMLMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)).writeValueAsString(document());
        Path actual = Path.of("target", "asyncapi.yaml");
        Files.createDirectories(actual.getParent());
        Files.writeString(actual, generated);
        if (!Files.exists(COMMITTED)) {
            fail("docs/asyncapi.yaml is missing; review " + actual + " and copy it there");
        }
        assertEquals(Files.readString(COMMITTED), generated,
                "docs/asyncapi.yaml is out of date with the event classes; copy " + actual + " over it");
    }

    static Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("asyncapi", "3.0.0");
        doc.put("info", map("title", "Pupil data requests — events", "version", "1.0.0", "description",
                "Events of the pupil-data request system on Kafka. One topic per producing service, keyed by the "
                        + "request id so the events of one request stay in order. CloudEvents 1.0 in binary mode: "
                        + "the attributes are ce_* headers, the payload is JSON with a schemaVersion. Events carry "
                        + "references, never personal details (no names, e-mail addresses, phone numbers or dates "
                        + "of birth). Generated from the event-contracts module."));
        doc.put("defaultContentType", "application/json");
        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            String channel = topic.name().toLowerCase(Locale.ROOT);
            Map<String, Object> channelMessages = new LinkedHashMap<>();
            List<Object> operationMessages = new ArrayList<>();
            for (EventType type : EventType.values()) {
                if (type.topic() != topic) {
                    continue;
                }
                String name = type.typeName();
                channelMessages.put(name, ref("#/components/messages/" + name));
                operationMessages.add(ref("#/channels/" + channel + "/messages/" + name));
                messages.put(name, map("name", name, "title", name, "contentType", "application/json",
                        "headers", headers(type), "payload", ref("#/components/schemas/" + name),
                        "bindings", map("kafka", map("key", map("type", "string", "format", "uuid",
                                "description", "The request id")))));
                schemas.put(name, payload(type, schemas));
            }
            channels.put(channel, map("address", topic.topicName(), "description", "Produced by "
                    + topic.producer() + "; keyed by request id.", "messages", channelMessages));
            operations.put("publish" + capitalize(channel), map("action", "send", "channel",
                    ref("#/channels/" + channel), "summary", topic.producer() + " publishes through its outbox.",
                    "messages", operationMessages));
        }
        doc.put("channels", channels);
        doc.put("operations", operations);
        doc.put("components", map("messages", messages, "schemas", schemas));
        return doc;
    }

    static Map<String, Object> headers(EventType type) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("ce_specversion", map("type", "string", "const", "1.0"));
        props.put("ce_id", map("type", "string", "format", "uuid", "description", "Event id"));
        props.put("ce_source", map("type", "string", "const", type.topic().producer()));
        props.put("ce_type", map("type", "string", "const", type.typeName()));
        props.put("ce_subject", map("type", "string", "format", "uuid", "description", "Request id"));
        props.put("ce_time", map("type", "string", "format", "date-time"));
        props.put("content-type", map("type", "string", "const", "application/json"));
        List<String> required = new ArrayList<>(props.keySet());
        props.put("traceparent", map("type", "string", "description",
                "W3C trace context of the command that caused the event; present when tracing is on"));
        return map("type", "object", "required", required, "properties", props);
    }

    static Map<String, Object> payload(EventType type, Map<String, Object> schemas) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("schemaVersion", map("type", "integer", "const", type.schemaVersion()));
        List<String> required = new ArrayList<>(List.of("schemaVersion"));
        for (RecordComponent c : type.eventClass().getRecordComponents()) {
            props.put(c.getName(), schema(c.getGenericType(), schemas));
            if (c.getType().isPrimitive() || c.getName().equals("requestId") || c.getName().equals("actor")) {
                required.add(c.getName());
            }
        }
        return map("type", "object", "additionalProperties", false, "required", required, "properties", props);
    }

    static Object schema(Type type, Map<String, Object> schemas) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return map("type", "array", "items", schema(p.getActualTypeArguments()[0], schemas));
        }
        Class<?> c = (Class<?>) type;
        if (c == UUID.class) {
            return map("type", "string", "format", "uuid");
        }
        if (c == String.class) {
            return map("type", "string");
        }
        if (c == LocalDate.class) {
            return map("type", "string", "format", "date");
        }
        if (c == Instant.class) {
            return map("type", "string", "format", "date-time");
        }
        if (c == boolean.class || c == Boolean.class) {
            return map("type", "boolean");
        }
        if (c == int.class || c == Integer.class) {
            return map("type", "integer");
        }
        if (c.isEnum()) {
            return map("type", "string", "enum", Arrays.stream(c.getEnumConstants()).map(Object::toString).toList());
        }
        if (c.isRecord()) {
            Map<String, Object> props = new LinkedHashMap<>();
            for (RecordComponent rc : c.getRecordComponents()) {
                props.put(rc.getName(), schema(rc.getGenericType(), schemas));
            }
            schemas.putIfAbsent(c.getSimpleName(), map("type", "object", "properties", props));
            return ref("#/components/schemas/" + c.getSimpleName());
        }
        throw new IllegalStateException("No schema for " + c + "; extend the generator");
    }

    static Map<String, Object> ref(String to) {
        return map("$ref", to);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
