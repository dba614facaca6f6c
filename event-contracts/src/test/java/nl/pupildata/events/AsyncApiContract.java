package nl.pupildata.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A Kafka message checked against docs/asyncapi.yaml as an outside tool would read it: the YAML parsed (so that
 * {@code 1.0} unquoted is the number it is to every parser), the channel found by the topic, the message by its
 * {@code ce_type} (the dead-letter channel has one message), and the headers and the payload validated with a JSON
 * Schema validator (networknt, draft 7: AsyncAPI 3's schema format is a superset of it).
 */
public final class AsyncApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private final JsonNode document;

    private AsyncApiContract(JsonNode document) {
        this.document = document;
    }

    public static AsyncApiContract read(Path file) throws IOException {
        return new AsyncApiContract(new YAMLMapper().readTree(file.toFile()));
    }

    public JsonNode document() {
        return document;
    }

    /** What is wrong with a message on {@code topic}; empty when it fits the document. */
    public List<String> violations(String topic, Map<String, String> headers, String payload) {
        List<String> found = new ArrayList<>();
        JsonNode channel = channelOf(topic);
        if (channel == null) {
            return List.of("no channel has the address " + topic);
        }
        JsonNode messages = channel.path("messages");
        JsonNode messageRef;
        if (messages.size() == 1) {
            messageRef = messages.elements().next();
        } else {
            messageRef = messages.path(String.valueOf(headers.get(CloudEventHeaders.TYPE)));
            if (messageRef.isMissingNode()) {
                return List.of("channel " + topic + " has no message " + headers.get(CloudEventHeaders.TYPE));
            }
        }
        JsonNode message = resolve(messageRef);
        ObjectNode headerNode = JsonNodeFactory.instance.objectNode();
        headers.forEach(headerNode::put);
        validate(message.path("headers"), headerNode, "headers", found);
        JsonNode payloadNode;
        try {
            payloadNode = payload == null ? JsonNodeFactory.instance.nullNode() : JSON.readTree(payload);
        } catch (JsonProcessingException notJson) {
            payloadNode = JsonNodeFactory.instance.textNode(payload);
        }
        validate(message.path("payload"), payloadNode, "payload", found);
        return found;
    }

    private JsonNode channelOf(String topic) {
        for (Iterator<JsonNode> it = document.path("channels").elements(); it.hasNext();) {
            JsonNode channel = it.next();
            if (topic.equals(channel.path("address").asText())) {
                return channel;
            }
        }
        return null;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode at = node;
        while (at.has("$ref")) {
            at = document.at(at.get("$ref").asText().substring(1));
        }
        return at;
    }

    private void validate(JsonNode schema, JsonNode value, String what, List<String> found) {
        if (schema.isMissingNode()) {
            found.add("the message has no " + what + " schema");
            return;
        }
        // The components beside the schema, so that its $refs ("#/components/schemas/…") resolve.
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("components", document.path("components"));
        root.putArray("allOf").add(schema);
        JsonSchema compiled = SCHEMAS.getSchema(root);
        for (ValidationMessage m : compiled.validate(value)) {
            found.add(what + ": " + m.getMessage());
        }
    }
}
