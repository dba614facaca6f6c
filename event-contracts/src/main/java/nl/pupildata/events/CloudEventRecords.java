package nl.pupildata.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.pupildata.events.sealing.ValueSeal;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The one place where a stored event becomes a Kafka record (keyed by request id, CloudEvents headers, the
 * stored JSON as value) and where a record becomes an event again. Used by the outbox relay, by the
 * republisher that rebuilds the topics from the event stores, and by every consumer.
 */
public final class CloudEventRecords {

    /** W3C trace context of the command that wrote the event (optional). */
    public static final String TRACEPARENT = "traceparent";

    private CloudEventRecords() {
    }

    /** A stored event as it goes to Kafka: its topic follows from its type, its key is the request id. */
    public static ProducerRecord<String, byte[]> toRecord(UUID eventId, String type, UUID requestId, Instant time,
            String payload, String traceparent) {
        EventType eventType = EventType.ofName(type);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(eventType.topic().topicName(),
                requestId.toString(), payload.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.toHeaders(eventId, eventType, requestId, time)
                .forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        if (traceparent != null) {
            record.headers().add(new RecordHeader(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    /**
     * Reads the event of a record: only an event type that the topic's producer sends, from that producer (issue 19:
     * a forged ConsentSatisfied on the requests topic, or one that names another source, is never applied).
     *
     * @throws InvalidEventException when it can never be read or does not belong on its topic (the dead-letter
     *     topic's business)
     */
    public static EventEnvelope fromRecord(ConsumerRecord<String, String> record) {
        return fromRecord(record, ValueSeal.plain());
    }

    /**
     * Reads the event of a record, opening its sealed values with its request's {@code seal} (see
     * {@link #requestId}); otherwise as {@link #fromRecord(ConsumerRecord)}.
     */
    public static EventEnvelope fromRecord(ConsumerRecord<String, String> record, ValueSeal seal) {
        Map<String, String> headers = headers(record.headers());
        EventEnvelope envelope = CloudEventHeaders.fromHeaders(headers, record.value(), seal);
        Topic topic = envelope.type().topic();
        if (!topic.topicName().equals(record.topic())) {
            throw new InvalidEventException(envelope.type().typeName() + " does not belong on " + record.topic()
                    + "; only " + topic.producer() + " sends it, on " + topic.topicName());
        }
        if (!topic.producer().equals(headers.get(CloudEventHeaders.SOURCE))) {
            throw new InvalidEventException("Header " + CloudEventHeaders.SOURCE + " is not " + topic.producer()
                    + ", the only producer of " + envelope.type().typeName());
        }
        return envelope;
    }

    /**
     * The request a record is about, from its {@code ce_subject} header — known before the payload is read, so that
     * the request's key can be looked up first; empty when the header is missing or not a UUID (then
     * {@link #fromRecord} says why the message cannot be read).
     */
    public static java.util.Optional<UUID> requestId(ConsumerRecord<String, String> record) {
        Header subject = record.headers().lastHeader(CloudEventHeaders.SUBJECT);
        if (subject == null || subject.value() == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(UUID.fromString(new String(subject.value(), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** The headers as strings (a header without a value is left out). */
    public static Map<String, String> headers(Headers headers) {
        Map<String, String> map = new HashMap<>();
        for (Header h : headers) {
            if (h.value() != null) {
                map.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return map;
    }
}
