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
}
