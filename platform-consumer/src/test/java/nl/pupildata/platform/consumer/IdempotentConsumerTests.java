package nl.pupildata.platform.consumer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.pupildata.events.CloudEventHeaders;
import nl.pupildata.events.ConsentLapsed;
import nl.pupildata.events.ConsentRequested;
import nl.pupildata.events.ConsentSatisfied;
import nl.pupildata.events.EventEnvelope;
import nl.pupildata.events.EventJson;
import nl.pupildata.events.RequestWithdrawn;
import nl.pupildata.events.Topic;
import nl.pupildata.events.sealing.KeyRecords;
import nl.pupildata.events.sealing.RequestKey;
import nl.pupildata.infra.Await;
import nl.pupildata.testinfra.RealInfrastructure;
import nl.pupildata.testinfra.Sql;
import nl.pupildata.testinfra.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The idempotent consumer on its own, against the real Kafka and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class IdempotentConsumerTests {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    RecordingConsumer recording;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readyUrl;

    @Test
    void aRedeliveredEventIsAppliedOnce_andRecordedAsProcessed() {
        UUID id = UUID.randomUUID();
        EventEnvelope first = EventEnvelope.wrap(new ConsentSatisfied(id, "consent-service", false), Instant.now());
        TopicProbe.publish(first);
        TopicProbe.publish(first); // the same ce_id again, as after a crash before the offset was committed
        EventEnvelope marker = EventEnvelope.wrap(new ConsentLapsed(id, "consent-service", "g1"), Instant.now());
        TopicProbe.publish(marker);
        Await.until("the later event is applied", WAIT, () -> recording.applied().contains(marker.eventId()));
        assertEquals(1, Collections.frequency(recording.applied(), first.eventId()), "applied once");
        assertEquals(List.of(2L), Sql.query("select count(*) from processed_event where consumer = 'recording'"
                + " and event_id in ('" + first.eventId() + "', '" + marker.eventId() + "')", rs -> rs.getLong(1)));
    }

    @Test
    void aMessageThatCanNeverBeRead_isDeadLetteredWithItsReason_andTheNextOneIsApplied() {
        UUID id = UUID.randomUUID();
        TopicProbe.send(Topic.CONSENTS.topicName(), id.toString(), "{this is not json",
                Map.of("ce_type", "ConsentSatisfied", "ce_id", UUID.randomUUID().toString(), "ce_subject",
                        id.toString(), "ce_time", Instant.now().toString()));
        EventEnvelope next = EventEnvelope.wrap(new ConsentSatisfied(id, "consent-service", false), Instant.now());
        TopicProbe.publish(next);
        Await.until("the message after the unreadable one is applied", WAIT,
                () -> recording.applied().contains(next.eventId()));
        List<ConsumerRecord<String, String>> dead = TopicProbe.readUntil("pupil-data.dead-letter",
                all -> all.stream().anyMatch(r -> id.toString().equals(r.key())), WAIT);
        ConsumerRecord<String, String> poison = dead.stream().filter(r -> id.toString().equals(r.key())).findFirst()
                .orElseThrow();
        assertEquals("{this is not json", poison.value());
        assertNotNull(TopicProbe.headers(poison).get("dead-letter-reason"));
        given().get(metricsUrl).then().statusCode(200)
                .body(containsString("pupil_data_dead_lettered_messages_total"));
    }

    /**
     * Issue 19: an event's sealed values open with its request's key, which travels on its own topic and may come
     * later; the consumer waits for it (a retry, not a dead letter). A tombstone deletes the service's copy; a record
     * on the key topic that is not a key is dead-lettered.
     */
    @Test
    void aSealedEventWaitsForItsKey_isAppliedWhenItArrives_andATombstoneDeletesTheKey() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] secret = RequestKey.newSecret();
        EventEnvelope sealed = EventEnvelope.wrap(new ConsentRequested(id, "consent-service", "g-" + id,
                "Toetsresultaten groep 7"), Instant.now());
        TopicProbe.send(Topic.CONSENTS.topicName(), id.toString(),
                EventJson.toJson(sealed.event(), new RequestKey(id, secret)), CloudEventHeaders.toHeaders(sealed));
        Thread.sleep(1500);
        assertFalse(recording.applied().contains(sealed.eventId()), "not applied without its key");
        assertEquals(List.of(), Sql.query("select event_id from processed_event where event_id = '"
                + sealed.eventId() + "'", rs -> rs.getString(1)), "nor recorded as processed");

        var key = KeyRecords.toRecord(id, secret);
        TopicProbe.send(key.topic(), key.key(), new String(key.value(), StandardCharsets.US_ASCII), Map.of());
        Await.until("the event is applied once its key arrived", WAIT,
                () -> recording.applied().contains(sealed.eventId()));
        assertEquals("Toetsresultaten groep 7", recording.descriptions().get(sealed.eventId()), "opened with the key");

        TopicProbe.send(KeyRecords.TOPIC, id.toString(), null, Map.of());
        Await.until("the tombstone deleted this service's copy of the key", WAIT, () -> Sql.query(
                "select count(*) from request_key where request_id = '" + id + "' and secret is null"
                        + " and erased_at is not null", rs -> rs.getLong(1)).get(0) == 1);
        TopicProbe.send(key.topic(), key.key(), new String(key.value(), StandardCharsets.US_ASCII), Map.of());
        // Same record key, so the same partition: once this is dead-lettered, the late copy before it was read.
        TopicProbe.send(KeyRecords.TOPIC, id.toString(), "not a key", Map.of());
        TopicProbe.readUntil("pupil-data.dead-letter", all -> all.stream()
                .anyMatch(r -> id.toString().equals(r.key()) && "not a key".equals(r.value())), WAIT);
        assertEquals(List.of(0L), Sql.query("select count(*) from request_key where request_id = '" + id
                + "' and secret is not null", rs -> rs.getLong(1)), "a late copy of an erased key is not taken in");
    }

    @Test
    void anEventTheDatabaseRefusesAsData_isDeadLettered_notRetriedForEver() {
        // A NUL character cannot be stored in PostgreSQL text; before, the consumer retried this event for ever and
        // the partition behind it stood still.
        UUID id = UUID.randomUUID();
        EventEnvelope refused = EventEnvelope.wrap(new ConsentRequested(id, "consent-service", "g1",
                "Toetsresultaten\u0000groep 7"), Instant.now());
        TopicProbe.publish(refused);
        EventEnvelope next = EventEnvelope.wrap(new ConsentRequested(id, "consent-service", "g2", "Toetsresultaten"),
                Instant.now());
        TopicProbe.publish(next);

        Await.until("the event after the refused one is applied", WAIT,
                () -> recording.applied().contains(next.eventId()));
        assertFalse(recording.applied().contains(refused.eventId()));
        List<ConsumerRecord<String, String>> dead = TopicProbe.readUntil("pupil-data.dead-letter",
                all -> all.stream().anyMatch(r -> id.toString().equals(r.key())), WAIT);
        ConsumerRecord<String, String> moved = dead.stream().filter(r -> id.toString().equals(r.key())).findFirst()
                .orElseThrow();
        assertEquals(refused.eventId().toString(), TopicProbe.headers(moved).get("ce_id"));
        String reason = TopicProbe.headers(moved).get("dead-letter-reason");
        assertTrue(reason.contains("SQLSTATE 22"), reason);
        assertFalse(reason.contains("Toetsresultaten"), "the reason does not quote the value: " + reason);
        assertEquals(List.of(0L), Sql.query("select count(*) from processed_event where consumer = 'recording'"
                + " and event_id = '" + refused.eventId() + "'", rs -> rs.getLong(1)));
        given().get(metricsUrl).then().statusCode(200)
                .body(containsString("pupil_data_dead_lettered_messages_total{consumer=\"recording\","
                        + "reason=\"refused-by-database\",topic=\"pupil-data.consents\"}"));
    }

    @Test
    void aForgedEvent_ofAnotherTopicOrFromAnotherSource_isDeadLettered_neverApplied() {
        UUID id = UUID.randomUUID();
        // A request event put on the consents topic, though with every header right for its own topic.
        EventEnvelope wrongTopic = EventEnvelope.wrap(new RequestWithdrawn(id, "request-service"), Instant.now());
        TopicProbe.send(Topic.CONSENTS.topicName(), id.toString(), EventJson.toJson(wrongTopic.event()),
                CloudEventHeaders.toHeaders(wrongTopic));
        // A ConsentSatisfied that says it comes from request-service: only consent-service sends it.
        EventEnvelope wrongSource = EventEnvelope.wrap(new ConsentSatisfied(id, "consent-service", false),
                Instant.now());
        Map<String, String> forged = new java.util.HashMap<>(CloudEventHeaders.toHeaders(wrongSource));
        forged.put(CloudEventHeaders.SOURCE, "request-service");
        TopicProbe.send(Topic.CONSENTS.topicName(), id.toString(), EventJson.toJson(wrongSource.event()), forged);
        EventEnvelope genuine = EventEnvelope.wrap(new ConsentLapsed(id, "consent-service", "g1"), Instant.now());
        TopicProbe.publish(genuine);

        Await.until("the genuine event after the forged ones is applied", WAIT,
                () -> recording.applied().contains(genuine.eventId()));
        assertFalse(recording.applied().contains(wrongTopic.eventId()), "a request event on the consents topic");
        assertFalse(recording.applied().contains(wrongSource.eventId()), "a consent event from another source");
        List<ConsumerRecord<String, String>> dead = TopicProbe.readUntil("pupil-data.dead-letter",
                all -> all.stream().filter(r -> id.toString().equals(r.key())).count() == 2, WAIT);
        List<String> reasons = dead.stream().filter(r -> id.toString().equals(r.key()))
                .map(r -> TopicProbe.headers(r).get("dead-letter-reason")).toList();
        assertTrue(reasons.stream().anyMatch(r -> r.contains("does not belong on pupil-data.consents")),
                reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("ce_source is not consent-service")), reasons.toString());
    }

    @Test
    void healthAndMetricsAreServedOnTheManagementPort_notOnThePublicOne() {
        given().get(readyUrl).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void theLagOfTheConsumerIsReported() {
        Await.until("the lag is measured", WAIT, () -> given().get(readyUrl).then().extract().asString()
                .replace(" ", "").contains("\"pupil-data.consents\":\"0\""));
    }

    /**
     * With a second member in the consumer group (as a second replica would be), this instance reports the lag of
     * the partitions it reads and no others: each partition once, by its owner, so a sum over pods is the group's lag.
     */
    @Test
    void eachPartitionsLagIsReportedOnce_byTheInstanceThatReadsIt() {
        Set<Integer> all = Set.of(0, 1, 2); // RealInfrastructure's topics have three partitions
        Await.until("this instance alone reports all partitions", WAIT, () -> reportedPartitions().equals(all));
        try (KafkaConsumer<String, String> other = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", RealInfrastructure.kafka().bootstrapServers(),
                "group.id", ConsumerLag.groupOf("consumer-test", Topic.CONSENTS.topicName()),
                "enable.auto.commit", "false", "auto.offset.reset", "latest"),
                new StringDeserializer(), new StringDeserializer())) {
            other.subscribe(List.of(Topic.CONSENTS.topicName()));
            Set<Integer> theirs = new HashSet<>();
            Await.until("the other member reads some partitions and this instance reports the rest", WAIT, () -> {
                other.poll(Duration.ofMillis(200));
                theirs.clear();
                other.assignment().forEach(tp -> theirs.add(tp.partition()));
                Set<Integer> ours = reportedPartitions();
                Set<Integer> union = new HashSet<>(ours);
                union.addAll(theirs);
                return !theirs.isEmpty() && !ours.isEmpty() && union.equals(all)
                        && Collections.disjoint(ours, theirs);
            });
        }
        Await.until("this instance reads and reports every partition again", WAIT,
                () -> reportedPartitions().equals(all));
    }

    private Set<Integer> reportedPartitions() {
        Set<Integer> partitions = new TreeSet<>();
        Matcher m = Pattern.compile("pupil_data_consumer_lag\\{partition=\"(\\d+)\",topic=\"pupil-data.consents\"}")
                .matcher(given().get(metricsUrl).asString());
        while (m.find()) {
            partitions.add(Integer.parseInt(m.group(1)));
        }
        return partitions;
    }
}
