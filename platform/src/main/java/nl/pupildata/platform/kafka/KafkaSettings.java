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

    /**
     * The deployment's settings with a client's own on top, except how it connects and proves who it is: a client
     * never replaces the deployment's servers, {@code security.*}, {@code sasl.*} or {@code ssl.*}. Everything else
     * is the client's to choose — Quarkus' map also carries a {@code group.id} (the application's name), which must
     * not replace a hand-built consumer's own group.
     */
    public Map<String, Object> with(Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(connection);
        own.forEach((key, value) -> {
            if (!(connects(key) && connection.containsKey(key))) {
                config.put(key, value);
            }
        });
        return config;
    }

    private static boolean connects(String key) {
        return key.equals("bootstrap.servers") || key.startsWith("security.") || key.startsWith("sasl.")
                || key.startsWith("ssl.");
    }
}
