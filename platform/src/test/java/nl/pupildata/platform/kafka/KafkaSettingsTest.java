package nl.pupildata.platform.kafka;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

    @Test
    void everyClientGetsTheDeploymentsConnectionAndSecuritySettings_overItsOwn() {
        KafkaSettings settings = new KafkaSettings(Map.of("bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "ssl.truststore.location", "/etc/kafka/ca.p12"));
        Map<String, Object> producer = settings.with(Map.of("client.id", "outbox-relay", "acks", "all",
                "security.protocol", "PLAINTEXT"));
        assertEquals("kafka:9093", producer.get("bootstrap.servers"));
        assertEquals("SASL_SSL", producer.get("security.protocol"), "a client never weakens how it connects");
        assertEquals("SCRAM-SHA-512", producer.get("sasl.mechanism"));
        assertEquals("/etc/kafka/ca.p12", producer.get("ssl.truststore.location"));
        assertEquals("outbox-relay", producer.get("client.id"));
        assertEquals("all", producer.get("acks"));
    }

    @Test
    void aClientsOwnGroupReplacesTheApplicationsDefaultOne() {
        // Quarkus' default-kafka-broker map carries group.id = the application's name when none is configured.
        KafkaSettings settings = new KafkaSettings(Map.of("bootstrap.servers", "kafka:9093",
                "group.id", "register-service"));
        Map<String, Object> consumer = settings.with(Map.of("group.id", "register-replay-1",
                "enable.auto.commit", false));
        assertEquals("register-replay-1", consumer.get("group.id"));
        assertEquals(false, consumer.get("enable.auto.commit"));
        assertEquals("kafka:9093", consumer.get("bootstrap.servers"));
        assertEquals("register-service", settings.with(Map.of()).get("group.id"), "the default stays a default");
    }
}
