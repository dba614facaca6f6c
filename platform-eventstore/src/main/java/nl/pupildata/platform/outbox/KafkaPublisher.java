package nl.pupildata.platform.outbox;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import nl.pupildata.platform.kafka.KafkaSettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The outbox relay's Kafka producer: idempotent, acks from all replicas, bounded waits when Kafka is down. */
@ApplicationScoped
public class KafkaPublisher {

    private final KafkaSettings kafka;
    private final int ackTimeoutMillis;
    private volatile Producer<String, byte[]> producer;

    public KafkaPublisher(KafkaSettings kafka,
            @ConfigProperty(name = "pupil-data.outbox.ack-timeout", defaultValue = "15s") Duration ackTimeout) {
        this.kafka = kafka;
        this.ackTimeoutMillis = (int) ackTimeout.toMillis();
    }

    Producer<String, byte[]> producer() {
        Producer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = create();
                }
                p = producer;
            }
        }
        return p;
    }

    int ackTimeoutMillis() {
        return ackTimeoutMillis;
    }

    private Producer<String, byte[]> create() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ackTimeoutMillis - 1_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return new KafkaProducer<>(kafka.with(config), new StringSerializer(), new ByteArraySerializer());
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
