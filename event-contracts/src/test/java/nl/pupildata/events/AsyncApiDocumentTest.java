package nl.pupildata.events;

import static org.junit.jupiter.api.Assertions.*;

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
import nl.pupildata.events.sealing.KeyRecords;
import nl.pupildata.events.sealing.Sealed;
import nl.pupildata.events.sealing.SealedEach;
import nl.pupildata.events.sealing.ValueSeal;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml describes the three topics, their messages, the CloudEvents headers and every payload.
 * It is generated from the event contract classes here; this test fails when the committed file differs,
 * so the document cannot drift from the code. To refresh it: copy target/asyncapi.yaml to docs/.
 */
class AsyncApiDocumentTest {

    static final Path COMMITTED = Path.of("..", "docs", "asyncapi.yaml");

    static final Path TOPICS = Path.of("..", "deploy", "k8s", "kafka-topics.yaml");
    static final List<String> CONSUMERS = List.of("request-service", "consent-service", "deadline-service",
            "register-service");
    static final String DEAD_LETTER_TOPIC = "pupil-data.dead-letter";
    static final String KAFKA_BINDING_VERSION = "0.5.0";

    @Test
    void theCommittedAsyncApiDocumentMatchesTheEventContracts() throws Exception {
        // Numbers-as-text quoted: an unquoted 1.0 is the number 1 to every YAML reader, and ce_specversion is text.
        String generated = new YAMLMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)).writeValueAsString(document());
        Path actual = Path.of("target", "asyncapi.yaml");
        Files.createDirectories(actual.getParent());
        Files.writeString(actual, generated);
        if (!Files.exists(COMMITTED)) {
            fail("docs/asyncapi.yaml is missing; review " + actual + " and copy it there");
        }
        assertEquals(Files.readString(COMMITTED), generated,
                "docs/asyncapi.yaml is out of date with the event classes; copy " + actual + " over it");
    }

    /** The standard validator: the AsyncAPI Initiative's parser (ContractLint). */
    @Test
    void theCommittedDocumentPassesTheAsyncApiInitiativesParser() throws Exception {
        String report = ContractLint.run(120, "node", "lint-asyncapi.mjs", ContractLint.file("docs/asyncapi.yaml"));
        assertTrue(report.contains("0 errors, 0 other diagnostics"), report);
    }

    /** Every event as its producer's relay writes it (CloudEventRecords.toRecord) fits the committed document. */
    @Test
    void everyMessageAsTheProducersWriteIt_fitsTheCommittedDocument() throws Exception {
        AsyncApiContract contract = AsyncApiContract.read(COMMITTED);
        for (EventType type : EventType.values()) {
            EventEnvelope envelope = EventEnvelope.wrap(SampleEvents.of(type), Instant.now());
            var record = CloudEventRecords.toRecord(envelope.eventId(), type.typeName(), envelope.requestId(),
                    envelope.time(), EventJson.toJson(envelope.event()),
                    "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            Map<String, String> headers = CloudEventRecords.headers(record.headers());
            String payload = new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(List.of(), contract.violations(record.topic(), headers, payload), type.typeName());
        }
    }

    /** The checker itself can fail: what a producer must never write is found. */
    @Test
    void theCheckerFindsWhatDoesNotFit() throws Exception {
        AsyncApiContract contract = AsyncApiContract.read(COMMITTED);
        EventEnvelope envelope = EventEnvelope.wrap(SampleEvents.of(EventType.DEADLINE_MET), Instant.now());
        Map<String, String> headers = CloudEventHeaders.toHeaders(envelope);
        String payload = EventJson.toJson(envelope.event());
        String topic = Topic.DEADLINES.topicName();
        assertEquals(List.of(), contract.violations(topic, headers, payload));

        Map<String, String> otherVersion = new HashMap<>(headers);
        otherVersion.put(CloudEventHeaders.SPEC_VERSION, "1.1");
        assertFalse(contract.violations(topic, otherVersion, payload).isEmpty(), "another specversion");
        Map<String, String> otherSource = new HashMap<>(headers);
        otherSource.put(CloudEventHeaders.SOURCE, "request-service");
        assertFalse(contract.violations(topic, otherSource, payload).isEmpty(), "another source");
        Map<String, String> noId = new HashMap<>(headers);
        noId.remove(CloudEventHeaders.ID);
        assertFalse(contract.violations(topic, noId, payload).isEmpty(), "no ce_id");
        assertFalse(contract.violations(topic, headers, payload.replace("\"withinTerm\":true", "\"withinTerm\":\"yes\""))
                .isEmpty(), "a boolean as text");
        assertFalse(contract.violations(topic, headers, payload.replace("\"schemaVersion\":1", "\"schemaVersion\":2"))
                .isEmpty(), "another schemaVersion");
        assertFalse(contract.violations(Topic.REQUESTS.topicName(), headers, payload).isEmpty(), "another topic");
        assertEquals("1.0", contract.document().at("/components/messages/DeadlineMet/headers/properties/"
                + "ce_specversion/const").asText());
        assertTrue(contract.document().at("/components/messages/DeadlineMet/headers/properties/ce_specversion/const")
                .isTextual(), "ce_specversion is text, as on the wire");
    }

    static Map<String, Object> document() throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("asyncapi", "3.1.0");
        doc.put("info", map("title", "Pupil data requests — events", "version", "1.0.0", "description",
                "Events of the pupil-data request system on Kafka. One topic per producing service, keyed by the "
                        + "request id so the events of one request stay in order. CloudEvents 1.0 in binary mode: "
                        + "the attributes are ce_* headers (text), the payload is JSON with a schemaVersion. Events "
                        + "carry references, never personal details (no names, e-mail addresses, phone numbers or "
                        + "dates of birth). Readers ignore fields they do not know (docs/events.md). Generated from "
                        + "the event-contracts module, the services' consumer settings and deploy/k8s/kafka-topics.yaml."));
        doc.put("defaultContentType", "application/json");
        doc.put("servers", map(
                "production", map("host", "pupil-data-kafka-bootstrap:9093", "protocol", "kafka-secure",
                        "description", "Kubernetes (deploy/k8s/kafka.yaml): TLS with the cluster's CA, SCRAM-SHA-512,"
                                + " one user per service whose ACLs allow its own topic and the dead-letter topic",
                        "security", List.of(ref("#/components/securitySchemes/scram"))),
                "local", map("host", "localhost:9092", "protocol", "kafka", "description",
                        "scripts/run-local and the tests: plaintext on loopback, on a developer's own machine only")));
        Map<String, Map<String, Object>> topicSettings = topicSettings();
        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>();
        Map<String, String> channelOfTopic = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            String channel = topic.name().toLowerCase(Locale.ROOT);
            channelOfTopic.put(topic.topicName(), channel);
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
                                "description", "The request id"), "bindingVersion", KAFKA_BINDING_VERSION))));
                schemas.put(name, payload(type, schemas));
            }
            channels.put(channel, map("address", topic.topicName(), "description", "Produced by "
                    + topic.producer() + "; keyed by request id.", "messages", channelMessages,
                    "bindings", map("kafka", kafkaChannelBinding(topic.topicName(), topicSettings))));
            operations.put("publish" + capitalize(channel), map("action", "send", "channel",
                    ref("#/channels/" + channel), "summary", topic.producer() + " publishes through its outbox.",
                    "messages", operationMessages));
        }
        channelOfTopic.put(KeyRecords.TOPIC, "keys");
        channels.put("keys", map("address", KeyRecords.TOPIC, "description", "Each request's key, with which the "
                + "sealed values in its events are written (issue 19, docs/privacy.md); a tombstone once its personal "
                + "data was erased. Compacted: after erasure no key of the request is kept. Every service keeps a "
                + "copy of the keys and deletes it when the tombstone or PersonalDataErased arrives.",
                "messages", map("RequestKey", ref("#/components/messages/RequestKey")),
                "bindings", map("kafka", kafkaChannelBinding(KeyRecords.TOPIC, topicSettings))));
        messages.put("RequestKey", map("name", "RequestKey", "title", "A request's key, or its tombstone",
                "payload", map("type", List.of("string", "null"), "pattern", "^[A-Za-z0-9_-]{43}$", "description",
                        "32 random bytes in base64url without padding; null (a tombstone) once erased"),
                "bindings", map("kafka", map("key", map("type", "string", "format", "uuid",
                        "description", "The request id"), "bindingVersion", KAFKA_BINDING_VERSION))));
        operations.put("publishKeys", map("action", "send", "channel", ref("#/channels/keys"), "summary",
                "request-service publishes a key at intake and its tombstone at erasure, through its outbox.",
                "messages", List.of(ref("#/channels/keys/messages/RequestKey"))));
        channels.put("deadLetter", map("address", DEAD_LETTER_TOPIC, "description", "Messages a consumer could "
                + "never apply (unreadable, not its topic's producer's, refused by its database as data), moved "
                + "here unchanged with the reason in the headers; the consumer goes on with the next message.",
                "messages", map("DeadLetter", ref("#/components/messages/DeadLetter")),
                "bindings", map("kafka", kafkaChannelBinding(DEAD_LETTER_TOPIC, topicSettings))));
        messages.put("DeadLetter", deadLetterMessage());
        for (String service : CONSUMERS) {
            for (Map.Entry<String, String> in : incomingTopics(service).entrySet()) {
                String channel = channelOfTopic.get(in.getKey());
                assertNotNull(channel, service + " reads " + in.getKey() + ", which is not an event topic");
                operations.put(camel(service) + "Receives" + capitalize(channel), map("action", "receive",
                        "channel", ref("#/channels/" + channel), "summary", service + " reads every message in its "
                                + "own consumer group; a message it can never apply goes to the dead-letter channel.",
                        "bindings", map("kafka", map("groupId", map("type", "string", "enum", List.of(in.getValue())),
                                "bindingVersion", KAFKA_BINDING_VERSION))));
            }
            operations.put(camel(service) + "DeadLetters", map("action", "send", "channel",
                    ref("#/channels/deadLetter"), "summary", service + " moves aside what it can never apply."));
        }
        doc.put("channels", channels);
        doc.put("operations", operations);
        doc.put("components", map("messages", messages, "schemas", schemas, "securitySchemes",
                map("scram", map("type", "scramSha512", "description", "A KafkaUser per service (deploy/k8s/"
                        + "kafka-users.yaml); its password from the Secret the User Operator writes"))));
        return doc;
    }

    /** The topic's partitions, replicas and retention as deployed (deploy/k8s/kafka-topics.yaml). */
    static Map<String, Object> kafkaChannelBinding(String topic, Map<String, Map<String, Object>> settings) {
        Map<String, Object> spec = settings.get(topic);
        assertNotNull(spec, topic + " in deploy/k8s/kafka-topics.yaml");
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) spec.get("config");
        Map<String, Object> topicConfiguration = map("retention.ms",
                Long.parseLong(String.valueOf(config.get("retention.ms"))));
        if (config.containsKey("cleanup.policy")) {
            topicConfiguration.put("cleanup.policy", List.of(String.valueOf(config.get("cleanup.policy")).split(",")));
        }
        return map("topic", topic, "partitions", spec.get("partitions"), "replicas", spec.get("replicas"),
                "topicConfiguration", topicConfiguration, "bindingVersion", KAFKA_BINDING_VERSION);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> topicSettings() throws Exception {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        try (var docs = new YAMLMapper().readerFor(Map.class).<Map<String, Object>>readValues(TOPICS.toFile())) {
            while (docs.hasNext()) {
                Map<String, Object> d = docs.next();
                if ("KafkaTopic".equals(d.get("kind"))) {
                    byName.put((String) ((Map<String, Object>) d.get("metadata")).get("name"),
                            (Map<String, Object>) d.get("spec"));
                }
            }
        }
        return byName;
    }

    /** The topics a service consumes and their consumer groups, from its own settings. */
    static Map<String, String> incomingTopics(String service) throws Exception {
        Properties p = new Properties();
        // platform-consumer's settings (the key topic) apply to every consuming service; its own come after.
        for (Path file : List.of(Path.of("..", "platform-consumer", "src", "main", "resources", "META-INF",
                "microprofile-config.properties"), Path.of("..", service, "src", "main", "resources",
                "application.properties"))) {
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
        }
        Map<String, String> topics = new TreeMap<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")
                    && !key.endsWith(".dead-letter-queue.topic")) {
                String channel = key.substring(0, key.length() - ".topic".length());
                topics.put(p.getProperty(key), p.getProperty(channel + ".group.id")
                        .replace("${quarkus.application.name}", service));
            }
        }
        return topics;
    }

    static Map<String, Object> deadLetterMessage() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("dead-letter-reason", map("type", "string", "description", "Why it could not be applied; "
                + "never the message's values"));
        props.put("dead-letter-topic", map("type", "string", "description", "Where it was read"));
        props.put("dead-letter-partition", map("type", "string", "pattern", "^[0-9]+$"));
        props.put("dead-letter-offset", map("type", "string", "pattern", "^[0-9]+$"));
        props.put("dead-letter-exception-class-name", map("type", "string"));
        List<String> required = new ArrayList<>(props.keySet());
        props.put("dead-letter-cause", map("type", "string"));
        props.put("dead-letter-cause-class-name", map("type", "string"));
        return map("name", "DeadLetter", "title", "A message moved aside", "summary", "The original key, payload"
                        + " and headers (ce_*, as received), with the reason added.",
                "headers", map("type", "object", "required", required, "properties", props,
                        "additionalProperties", map("type", "string")),
                "payload", map("description", "The payload as it was received; it need not be JSON"),
                "bindings", map("kafka", map("key", map("type", "string"), "bindingVersion", KAFKA_BINDING_VERSION)));
    }

    static String camel(String service) {
        String[] parts = service.split("-");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(capitalize(parts[i]));
        }
        return b.toString();
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
            boolean isRequired = c.getType().isPrimitive() || c.getName().equals("requestId")
                    || c.getName().equals("actor");
            Object schema = schema(c, schemas);
            // An optional field is written as null when it has no value (or left out).
            props.put(c.getName(), isRequired ? schema : nullable(schema));
            if (isRequired) {
                required.add(c.getName());
            }
        }
        // Tolerant readers (docs/events.md): a later version may add optional fields.
        return map("type", "object", "additionalProperties", true, "required", required, "properties", props);
    }

    @SuppressWarnings("unchecked")
    static Object nullable(Object schema) {
        Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) schema);
        if (m.containsKey("$ref")) {
            return map("oneOf", List.of(m, map("type", "null")));
        }
        m.put("type", List.of(m.get("type"), "null"));
        if (m.containsKey("enum")) {
            List<Object> values = new ArrayList<>((List<Object>) m.get("enum"));
            values.add(null);
            m.put("enum", values);
        }
        return m;
    }

    /** A field's schema: a {@link Sealed} value is a sealed string whatever its type in the record. */
    static Object schema(RecordComponent component, Map<String, Object> schemas) {
        if (component.isAnnotationPresent(Sealed.class)) {
            return sealed();
        }
        if (component.isAnnotationPresent(SealedEach.class)) {
            return map("type", "array", "items", sealed());
        }
        return schema(component.getGenericType(), schemas);
    }

    static Map<String, Object> sealed() {
        return map("type", "string", "description", "Sealed with the request's key: '" + ValueSeal.PREFIX
                + "' and base64url (AES-256-GCM, docs/privacy.md), or '" + ValueSeal.ERASED + "' when written after "
                + "the request's personal data was erased");
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
                props.put(rc.getName(), schema(rc, schemas));
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
