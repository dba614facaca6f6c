package nl.pupildata.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedInfraTest {

    /** Below the operating system's range for outgoing connections, never handed out twice, and bindable. */
    @Test
    void freePortsAreOutsideTheEphemeralRange_distinct_andFree() throws Exception {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = FreePort.find();
            assertTrue(port >= FreePort.FIRST && port <= FreePort.LAST && port < 32768, "port " + port);
            assertTrue(seen.add(port), "port " + port + " handed out twice");
        }
        int port = FreePort.find();
        try (var socket = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertEquals(port, socket.getLocalPort());
        }
    }

    @Test
    void kafkaKeepsItsDataOverARestartOnTheSamePort() throws Exception {
        Path dir = Files.createTempDirectory("kafka-it");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0, Durability.FAST_NOT_CRASH_SAFE, true)) {
            kafka.createTopics(Map.of("t", 1));
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("t", "k", "before")).get();
            }
            int port = kafka.port();
            kafka.stop();
            kafka.restart();
            assertEquals(port, kafka.port());
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers(),
                    "group.id", "g", "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("t"));
                long deadline = System.currentTimeMillis() + 30_000;
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                while (records.isEmpty() && System.currentTimeMillis() < deadline) {
                    records = consumer.poll(Duration.ofMillis(500));
                }
                assertEquals("before", records.iterator().next().value());
            }
        }
    }

    @Test
    void postgresCreatesDatabasesAndKeepsDataOverARestart() throws Exception {
        Path dir = Files.createTempDirectory("pg-it");
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir, 0, Durability.DURABLE, true)) {
            pg.createDatabases(List.of("alpha", "beta"));
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("alpha"), "postgres", "postgres")) {
                c.createStatement().execute("create table x(v int); insert into x values (42)");
            }
            pg.stop();
            pg.restart();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("alpha"), "postgres", "postgres");
                    ResultSet rs = c.createStatement().executeQuery("select v from x")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            }
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("alpha"), "postgres", "postgres");
                    ResultSet rs = c.createStatement().executeQuery("show server_version_num")) {
                assertTrue(rs.next());
                assertEquals(EmbeddedPostgresServer.major(), String.valueOf(rs.getInt(1) / 10000),
                        "the binaries are the major version the project names everywhere");
            }
        }
    }

    @Test
    void dataOfAnotherMajorVersionIsRefusedWithWhatToDo() throws Exception {
        Path dir = Files.createTempDirectory("pg-old");
        Files.writeString(dir.resolve("PG_VERSION"), "14\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> EmbeddedPostgresServer.requireSameMajor(dir, "18"));
        assertTrue(refused.getMessage().contains("PostgreSQL 14") && refused.getMessage().contains("--fresh"),
                refused.getMessage());
        Files.writeString(dir.resolve("PG_VERSION"), "18\n");
        EmbeddedPostgresServer.requireSameMajor(dir, "18");
    }
}
