package nl.pupildata.events.sealing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The one place where a request's key becomes a Kafka record on {@value #TOPIC} and back: keyed by request id, the
 * value the key's 32 bytes in base64url; a tombstone (no value) once the request's personal data was erased. The topic
 * is compacted, so after erasure Kafka keeps no key of the request at all (issue 19).
 */
public final class KeyRecords {

    public static final String TOPIC = "pupil-data.keys";

    private KeyRecords() {
    }

    /** A key as it goes to Kafka; {@code secret} null for the tombstone. */
    public static ProducerRecord<String, byte[]> toRecord(UUID requestId, byte[] secret) {
        byte[] value = secret == null ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(secret).getBytes(StandardCharsets.US_ASCII);
        return new ProducerRecord<>(TOPIC, requestId.toString(), value);
    }

    /** What a record on the key topic says. */
    public record KeyMessage(UUID requestId, Optional<byte[]> secret) {
    }

    /** @throws IllegalArgumentException when the record is not a request key */
    public static KeyMessage fromRecord(ConsumerRecord<String, String> record) {
        UUID requestId = UUID.fromString(String.valueOf(record.key()));
        if (record.value() == null) {
            return new KeyMessage(requestId, Optional.empty());
        }
        byte[] secret = Base64.getUrlDecoder().decode(record.value());
        if (secret.length != RequestKey.LENGTH) {
            throw new IllegalArgumentException("A request key has " + RequestKey.LENGTH + " bytes");
        }
        return new KeyMessage(requestId, Optional.of(secret));
    }
}
