package nl.pupildata.testinfra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import nl.pupildata.events.CloudEventHeaders;
import nl.pupildata.events.CloudEventRecords;
import nl.pupildata.events.EventEnvelope;
import nl.pupildata.events.sealing.KeyRecords;
import nl.pupildata.events.sealing.RequestKey;
import nl.pupildata.events.sealing.ValueSeal;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes the real topics the way another service or a Kafka UI would. */
public final class TopicProbe {

    private TopicProbe() {
    }

    /** Polls the topic from the start until a record matches or the timeout passes; returns everything read. */
    public static List<ConsumerRecord<String, String>> readUntil(String topic,
            Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
                if (done.test(all)) {
                    return all;
                }
            }
        }
        return all;
    }

    /** All records of one request, read until {@code count} of them arrived or the timeout passed. */
    public static List<ConsumerRecord<String, String>> recordsOf(String topic, UUID requestId, int count,
            Duration timeout) {
        String key = requestId.toString();
        return readUntil(topic, all -> all.stream().filter(r -> key.equals(r.key())).count() >= count, timeout)
                .stream().filter(r -> key.equals(r.key())).toList();
    }

    public static Map<String, String> headers(ConsumerRecord<String, String> record) {
        return CloudEventRecords.headers(record.headers());
    }

    /** The record's event, its sealed values opened with the request's key as the key topic has it. */
    public static EventEnvelope envelope(ConsumerRecord<String, String> record) {
        boolean sealed = record.value() != null && record.value().contains(ValueSeal.PREFIX);
        ValueSeal seal = sealed ? CloudEventRecords.requestId(record).map(TopicProbe::sealOf)
                .orElse(ValueSeal.plain()) : ValueSeal.plain();
        return CloudEventRecords.fromRecord(record, seal);
    }

    /**
     * A request's seal as another service would learn it: the last record of the request on the key topic — its key,
     * or erased after its tombstone; not yet known when there is none.
     */
    public static ValueSeal sealOf(UUID requestId) {
        List<ConsumerRecord<String, String>> keys = recordsOf(KeyRecords.TOPIC, requestId, 1, Duration.ofSeconds(15));
        if (keys.isEmpty()) {
            return ValueSeal.notYetKnown(requestId);
        }
        return KeyRecords.fromRecord(keys.get(keys.size() - 1)).secret()
                .<ValueSeal>map(secret -> new RequestKey(requestId, secret)).orElse(ValueSeal.erasedSeal());
    }

    /** The keys of the requests whose RequestReceived this probe published, as request-service would issue them. */
    private static final Map<UUID, RequestKey> ISSUED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Publishes an event exactly as the producing service's outbox relay would: a RequestReceived with a new key for
     * its request, published on the key topic first, every later event of that request sealed with it, and a
     * PersonalDataErased after the key's tombstone.
     */
    public static void publish(EventEnvelope envelope) {
        Map<String, String> headers = CloudEventHeaders.toHeaders(envelope);
        send(envelope.topic().topicName(), envelope.requestId().toString(),
                nl.pupildata.events.EventJson.toJson(envelope.event(), sealFor(envelope)), headers);
    }

    private static ValueSeal sealFor(EventEnvelope envelope) {
        UUID id = envelope.requestId();
        if (envelope.event() instanceof nl.pupildata.events.RequestReceived) {
            ISSUED.computeIfAbsent(id, k -> {
                byte[] secret = RequestKey.newSecret();
                var record = KeyRecords.toRecord(id, secret);
                send(record.topic(), record.key(), new String(record.value(), StandardCharsets.US_ASCII), Map.of());
                return new RequestKey(id, secret);
            });
        }
        RequestKey key = ISSUED.get(id);
        if (key != null && envelope.event() instanceof nl.pupildata.events.PersonalDataErased) {
            send(KeyRecords.TOPIC, id.toString(), null, Map.of()); // the tombstone, as request-service erases the key
        }
        return key != null ? key : ValueSeal.plain();
    }

    /**
     * Publishes an event as a later, additive version of its producer would (docs/events.md): with a field this
     * version does not know, at the top and in every nested object. A tolerant reader folds it as if the field
     * were not there.
     */
    public static void publishFromANewerVersion(EventEnvelope envelope) {
        com.fasterxml.jackson.databind.node.ObjectNode payload;
        try {
            payload = (com.fasterxml.jackson.databind.node.ObjectNode) nl.pupildata.events.EventJson.mapper()
                    .readTree(nl.pupildata.events.EventJson.toJson(envelope.event(), sealFor(envelope)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        addUnknownField(payload);
        send(envelope.topic().topicName(), envelope.requestId().toString(), payload.toString(),
                CloudEventHeaders.toHeaders(envelope));
    }

    private static void addUnknownField(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.elements().forEachRemaining(TopicProbe::addUnknownField);
            object.put("addedInALaterVersion", "ignored by this version");
        } else if (node.isArray()) {
            node.elements().forEachRemaining(TopicProbe::addUnknownField);
        }
    }

    /** Publishes anything, e.g. a poison message. */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        Map<String, Object> config = Map.of("bootstrap.servers", RealInfrastructure.kafka().bootstrapServers(),
                "acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }
}
