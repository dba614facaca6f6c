package nl.pupildata.platform.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * The one place a service's Kafka clients get their connection settings from (issue 19): every {@code kafka.*}
 * setting (and {@code KAFKA_*} variable) — bootstrap servers, {@code security.protocol}, SASL, TLS — exactly as the
 * messaging channels get them (Quarkus' {@code default-kafka-broker} map), so that securing Kafka in a deployment
 * reaches the clients built by hand too: the outbox relay's producer, the consumer-lag admin client, the register's
 * replay consumer.
 */
@ApplicationScoped
public class KafkaSettings {

    private final Map<String, Object> connection;

    public KafkaSettings(@Identifier("default-kafka-broker") Map<String, Object> connection) {
        this.connection = Map.copyOf(connection);
    }

    /** The connection settings with a client's own on top (its own never replace how it connects and proves who it is). */
    public Map<String, Object> with(Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(own);
        config.putAll(connection);
        return config;
    }
}
