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

    public static EventEnvelope envelope(ConsumerRecord<String, String> record) {
        return CloudEventRecords.fromRecord(record);
    }

    /** Publishes an event exactly as the producing service's outbox relay would. */
    public static void publish(EventEnvelope envelope) {
        Map<String, String> headers = CloudEventHeaders.toHeaders(envelope);
        send(envelope.topic().topicName(), envelope.requestId().toString(),
                nl.pupildata.events.EventJson.toJson(envelope.event()), headers);
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
                    .readTree(nl.pupildata.events.EventJson.toJson(envelope.event()));
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
