package nl.pupildata.platform.eventstore;

import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import nl.pupildata.events.*;
import nl.pupildata.events.model.*;
import nl.pupildata.infra.Await;
import nl.pupildata.events.sealing.KeyRecords;
import nl.pupildata.events.sealing.ValueSeal;
import nl.pupildata.platform.keys.KeyIssuer;
import nl.pupildata.platform.problem.ConcurrencyConflictException;
import nl.pupildata.testinfra.OnVertx;
import nl.pupildata.testinfra.RealInfrastructure;
import nl.pupildata.testinfra.Sql;
import nl.pupildata.testinfra.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The event store and the outbox relay on their own, against the real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class EventStoreTests {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EventStore store;

    @Inject
    nl.pupildata.platform.outbox.Republish republish;

    @Inject
    KeyIssuer keys;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Inject
    nl.pupildata.platform.keys.KeyRing keyRing;

    @Inject
    org.hibernate.reactive.mutiny.Mutiny.SessionFactory sessionFactory;

    static RequestReceived received(UUID id) {
        return new RequestReceived(id, "director", "12AB", RequestKind.PARENT_ACCESS, LocalDate.now(),
                ReceivedVia.EMAIL, "P-1", 4, false, List.of(new GuardianRef("g1", true)), false,
                RequesterCategory.GUARDIAN, "g1", AccessMode.PDF_BY_SECURE_MAIL, null, null, null, null);
    }

    /** An intake whose sealed values (the pupil reference, the guardian's id) are unique to the request. */
    static RequestReceived withSealedValues(UUID id) {
        return new RequestReceived(id, "director", "12AB", RequestKind.PARENT_ACCESS, LocalDate.now(),
                ReceivedVia.EMAIL, "LL-" + id, 4, false, List.of(new GuardianRef("g-" + id, true)), false,
                RequesterCategory.GUARDIAN, "g-" + id, AccessMode.PDF_BY_SECURE_MAIL, null, null, null, null);
    }

    /**
     * Appends as request-service does: a new request's key and first event in one statement (intake), every later
     * event in a transaction.
     */
    List<EventEnvelope> append(UUID id, int expectedVersion, RequestEvent... events) {
        List<EventEnvelope> written = new ArrayList<>();
        List<RequestEvent> rest = List.of(events);
        if (expectedVersion == 0) {
            OneStatement statement = new OneStatement();
            written.add(store.appendFirst(statement, events[0], keys.issue(statement, id)));
            OnVertx.await(() -> statement.execute(pool, "select count(*) from queued", Map.of()));
            rest = rest.subList(1, rest.size());
        }
        if (!rest.isEmpty()) {
            List<RequestEvent> later = rest;
            written.addAll(OnVertx.await(() -> Panache.withTransaction(
                    () -> store.append(id, expectedVersion + written.size(), later))));
        }
        return written;
    }

    /**
     * Issue 19, crypto-shredding: the pupil reference and guardian ids are sealed in the store and on Kafka; the key
     * goes to the key topic; once it is erased (a tombstone follows), the stored events read as erased.
     */
    @Test
    void sealedValuesAreStoredAndPublishedSealed_andReadAsErasedOnceTheKeyIsErased() {
        UUID id = UUID.randomUUID();
        RequestReceived received = withSealedValues(id);
        append(id, 0, received);
        List<ConsumerRecord<String, String>> onTopic = TopicProbe.recordsOf(Topic.REQUESTS.topicName(), id, 1, WAIT);
        String stored = Sql.query("select payload from event_store where stream_id = '" + id + "'",
                rs -> rs.getString(1)).get(0);
        for (String where : List.of(onTopic.get(0).value(), stored)) {
            assertFalse(where.contains("LL-"), where);
            assertFalse(where.contains("g-" + id), where);
            assertTrue(where.contains(ValueSeal.PREFIX), where);
        }
        assertEquals(received, TopicProbe.envelope(onTopic.get(0)).event(), "opens with the key on the key topic");
        assertEquals(received, OnVertx.await(() -> Panache.withSession(() -> store.load(id))).history().get(0));

        OnVertx.await(() -> Panache.withTransaction(() -> keys.erase(id)));
        RequestReceived erased = (RequestReceived) OnVertx.await(() -> Panache.withSession(() -> store.load(id)))
                .history().get(0);
        assertEquals(ValueSeal.ERASED, erased.pupilRef());
        assertEquals(ValueSeal.ERASED, erased.guardians().get(0).id());
        assertEquals(received.receivedOn(), erased.receivedOn());
        List<ConsumerRecord<String, String>> keyRecords = TopicProbe.recordsOf(KeyRecords.TOPIC, id, 2, WAIT);
        assertEquals(2, keyRecords.size(), "the key, then its tombstone");
        assertNotNull(keyRecords.get(0).value());
        assertNull(keyRecords.get(1).value(), "a tombstone: compaction removes the key from Kafka");
        assertEquals(ValueSeal.erasedSeal(), TopicProbe.sealOf(id));
        assertEquals(List.of(0L), Sql.query("select count(*) from request_key where request_id = '" + id
                + "' and secret is not null", rs -> rs.getLong(1)));
        Await.until("the key outbox is empty", WAIT, () -> Sql.query("select count(*) from key_outbox",
                rs -> rs.getLong(1)).get(0) == 0);
    }

    /**
     * Intake's way: the new request's key, its first event and their outbox rows as parts of one statement, without
     * a transaction. Published sealed, opened with the key; a second first event for the same request is refused,
     * and its new key does not replace the first.
     */
    @Test
    void aNewStreamInOneStatement_keyEventAndOutboxRowsTogether_orNothingWhenTheStreamExists() {
        UUID id = UUID.randomUUID();
        RequestReceived received = withSealedValues(id);
        OneStatement statement = new OneStatement();
        EventEnvelope written = store.appendFirst(statement, received, keys.issue(statement, id));
        OnVertx.await(() -> statement.execute(pool, "select count(*) from queued", Map.of()));

        List<ConsumerRecord<String, String>> onTopic = TopicProbe.recordsOf(Topic.REQUESTS.topicName(), id, 1, WAIT);
        assertFalse(onTopic.get(0).value().contains("LL-"), onTopic.get(0).value());
        assertEquals(written, TopicProbe.envelope(onTopic.get(0)), "opens with the key the key topic carries");
        assertEquals(List.of(written), OnVertx.await(() -> Panache.withSession(() -> store.load(id))).events(),
                "loaded as written: its id, type, time to the microsecond and values");
        append(id, 1, new RequestWithdrawn(id, "director"));

        OneStatement again = new OneStatement();
        store.appendFirst(again, received, keys.issue(again, id));
        assertThrows(RuntimeException.class,
                () -> OnVertx.await(() -> again.execute(pool, "select count(*) from queued", Map.of())));
        assertEquals(List.of(received, new RequestWithdrawn(id, "director")),
                OnVertx.await(() -> Panache.withSession(() -> store.load(id))).history(), "opened with the first key");
    }

    /**
     * Every consumer looks up a request's key for every event. As a plain native select, Hibernate planned it anew each
     * time and kept every plan, all with the same hash: the plan cache filled up to its 2,048 entries and every lookup
     * walked them (a tenth of a consumer's CPU). Through {@code NativeSelect} the same lookups, many times, add none;
     * so does loading a stream, which reads the key in the same statement.
     */
    @Test
    void theKeyLookupsArePlannedOnce_notOncePerCall() throws Exception {
        UUID id = UUID.randomUUID();
        append(id, 0, withSealedValues(id));
        java.util.function.Supplier<Uni<EventStore.Stream>> lookUp = () -> Panache.withSession(
                () -> keyRing.sealOf(id).chain(() -> keyRing.sealsOf(List.of(id))).chain(() -> store.load(id)));
        OnVertx.await(lookUp);
        int before = cachedQueryPlans();
        for (int i = 0; i < 20; i++) {
            OnVertx.await(lookUp);
        }
        assertEquals(before, cachedQueryPlans(), "no new plan for a query planned before");
    }

    /** Hibernate's count of cached query plans; Hibernate Reactive's factory keeps its ORM factory to itself. */
    int cachedQueryPlans() throws ReflectiveOperationException {
        Object factory = io.quarkus.arc.ClientProxy.unwrap(sessionFactory);
        java.lang.reflect.Field delegate = factory.getClass().getDeclaredField("delegate");
        delegate.setAccessible(true);
        return ((org.hibernate.engine.spi.SessionFactoryImplementor) delegate.get(factory)).getQueryEngine()
                .getInterpretationCache().getNumberOfCachedQueryPlans();
    }

    /** The work list's next steps load fifty streams at once: each opened with its own key, an erased one as erased. */
    @Test
    void manyStreamsLoadAtOnce_eachWithItsOwnSeal_unknownOnesLeftOut() {
        List<RequestReceived> received = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            UUID id = UUID.randomUUID();
            received.add(withSealedValues(id));
            append(id, 0, received.get(i));
        }
        UUID kept = received.get(0).requestId();
        UUID erased = received.get(1).requestId();
        append(kept, 1, new RequestWithdrawn(kept, "director"));
        OnVertx.await(() -> Panache.withTransaction(() -> keys.erase(erased)));
        Map<UUID, EventStore.Stream> streams = OnVertx.await(() -> Panache.withSession(
                () -> store.load(List.of(erased, UUID.randomUUID(), kept))));
        assertEquals(List.of(erased, kept).stream().sorted().toList(), streams.keySet().stream().sorted().toList());
        assertEquals(List.of(received.get(0), new RequestWithdrawn(kept, "director")), streams.get(kept).history());
        assertEquals(ValueSeal.erasedSeal(), streams.get(erased).seal(), "an append after it writes erased values");
        RequestReceived shredded = (RequestReceived) streams.get(erased).history().get(0);
        assertEquals(ValueSeal.ERASED, shredded.pupilRef());
        assertEquals(1, streams.get(erased).version());
        assertEquals(Map.of(), OnVertx.await(() -> Panache.withSession(() -> store.load(List.of()))));
    }

    @Test
    void appendedEventsReachTheirTopicInOrder_keyedByRequest_withTheirCloudEventsHeaders() {
        UUID id = UUID.randomUUID();
        List<EventEnvelope> written = append(id, 0, received(id),
                new RequestAcknowledged(id, "director", LocalDate.now().plusDays(7)));
        written = new ArrayList<>(written);
        written.addAll(append(id, 2, new RequestWithdrawn(id, "director")));
        List<ConsumerRecord<String, String>> records = TopicProbe.recordsOf(Topic.REQUESTS.topicName(), id, 3, WAIT);
        assertEquals(written.stream().map(e -> e.eventId().toString()).toList(),
                records.stream().map(r -> TopicProbe.headers(r).get("ce_id")).toList(), "in the order appended");
        for (int i = 0; i < records.size(); i++) {
            assertEquals(id.toString(), records.get(i).key());
            assertEquals(written.get(i), TopicProbe.envelope(records.get(i)), "read back as it was written");
            assertEquals("request-service", TopicProbe.headers(records.get(i)).get("ce_source"));
        }
        Await.until("the outbox is empty", WAIT, () -> Sql.query("select count(*) from outbox",
                rs -> rs.getLong(1)).get(0) == 0);
    }

    /** Kafka lost, the database kept (docs/operations.md): the operator's republish puts the store on Kafka again. */
    @Test
    void republishQueuesTheWholeStoreOncePerMarker_andTheRelayPublishesItAgainInOrder() throws Exception {
        UUID id = UUID.randomUUID();
        List<EventEnvelope> written = append(id, 0, received(id),
                new RequestAcknowledged(id, "director", LocalDate.now().plusDays(7)));
        TopicProbe.recordsOf(Topic.REQUESTS.topicName(), id, 2, WAIT);
        Await.until("the outbox is empty", WAIT, () -> Sql.query("select count(*) from outbox",
                rs -> rs.getLong(1)).get(0) == 0);
        long stored = Sql.query("select count(*) from event_store", rs -> rs.getLong(1)).get(0);

        assertEquals(stored, republish.run("kafka-rebuilt-" + id), "every stored event is queued");
        List<String> ids = written.stream().map(e -> e.eventId().toString()).toList();
        List<String> onTopic = TopicProbe.recordsOf(Topic.REQUESTS.topicName(), id, 4, WAIT).stream()
                .map(r -> TopicProbe.headers(r).get("ce_id")).toList();
        assertEquals(List.of(ids.get(0), ids.get(1), ids.get(0), ids.get(1)), onTopic,
                "published again, the same events (ce_id) in the order they were written");
        assertEquals(0, republish.run("kafka-rebuilt-" + id), "once per marker: a restart does not repeat it");
        assertEquals(List.of(stored), Sql.query("select events from republished where marker = 'kafka-rebuilt-" + id
                + "'", rs -> rs.getLong(1)));
    }

    @Test
    void twoConcurrentAppendsAtTheSameVersion_exactlyOneWins_noGapNoDuplicate() throws Exception {
        UUID id = UUID.randomUUID();
        append(id, 0, received(id));
        List<CompletableFuture<Object>> attempts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            RequestAcknowledged ack = new RequestAcknowledged(id, "user" + i, LocalDate.now().plusDays(7));
            attempts.add(CompletableFuture.supplyAsync(() -> OnVertx.await(() -> Panache.withTransaction(
                    () -> store.append(id, 1, List.of(ack))).map(r -> (Object) "appended")
                    .onFailure().recoverWithItem(f -> f))));
        }
        List<Object> outcomes = new ArrayList<>();
        for (CompletableFuture<Object> a : attempts) {
            outcomes.add(a.get());
        }
        assertEquals(1, outcomes.stream().filter("appended"::equals).count(), outcomes.toString());
        ConcurrencyConflictException conflict = (ConcurrencyConflictException) outcomes.stream()
                .filter(ConcurrencyConflictException.class::isInstance).findFirst().orElseThrow();
        assertTrue(conflict.getMessage().contains(id.toString()));
        assertEquals(List.of(1, 2), versions(id));
        assertEquals(2, OnVertx.await(() -> Panache.withSession(() -> store.load(id))).version());
    }

    @Test
    void historyIsNeverRewritten() {
        UUID id = UUID.randomUUID();
        append(id, 0, received(id));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Sql.query(
                "update event_store set actor = 'someone else' where stream_id = '" + id + "' returning 1",
                rs -> rs.getInt(1)));
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
    }

    @Test
    void withKafkaDown_appendsAreKept_andPublishedInOrderWhenItIsBack() {
        UUID id = UUID.randomUUID();
        RealInfrastructure.kafka().stop();
        try {
            append(id, 0, received(id));
            append(id, 1, new RequestAcknowledged(id, "director", LocalDate.now().plusDays(7)));
            append(id, 2, new RequestWithdrawn(id, "director"));
            assertEquals(3L, Sql.query("select count(*) from outbox o join event_store e on e.event_id = o.event_id"
                    + " where e.stream_id = '" + id + "'", rs -> rs.getLong(1)).get(0), "kept in the outbox");
        } finally {
            RealInfrastructure.kafka().restart();
        }
        List<String> types = TopicProbe.recordsOf(Topic.REQUESTS.topicName(), id, 3, Duration.ofSeconds(90)).stream()
                .map(r -> TopicProbe.headers(r).get("ce_type")).distinct().toList();
        assertEquals(List.of("RequestReceived", "RequestAcknowledged", "RequestWithdrawn"), types);
    }

    /**
     * A replay learns a whole poll of the key topic in two statements: every key as {@code learn} keeps it, then every
     * tombstone. A key and its tombstone in one poll end erased; a key already known is not replaced; a tombstone for a
     * key never seen leaves the mark that it was erased.
     */
    @Test
    void aPollOfKeysIsLearnedAsOneByOne_aKeyWithItsTombstoneEndsErased() throws Exception {
        UUID known = UUID.randomUUID();
        UUID keyThenTombstone = UUID.randomUUID();
        UUID onlyTombstone = UUID.randomUUID();
        byte[] first = new byte[32];
        byte[] second = new byte[32];
        second[0] = 1;
        try (java.sql.Connection c = Sql.connect()) {
            c.setAutoCommit(false);
            nl.pupildata.platform.keys.KeyRing.learnAndForget(c, Map.of(known, first), List.of());
            Map<UUID, byte[]> learned = new java.util.LinkedHashMap<>();
            learned.put(known, second);
            learned.put(keyThenTombstone, second);
            nl.pupildata.platform.keys.KeyRing.learnAndForget(c, learned,
                    List.of(keyThenTombstone, onlyTombstone, onlyTombstone));
            c.commit();
        }
        assertEquals(List.of("0000000000000000000000000000000000000000000000000000000000000000"), Sql.query(
                "select encode(secret, 'hex') from request_key where request_id = '" + known + "'",
                rs -> rs.getString(1)), "the key known first stays");
        for (UUID erased : List.of(keyThenTombstone, onlyTombstone)) {
            assertEquals(List.of(true), Sql.query("select secret is null and erased_at is not null from request_key"
                    + " where request_id = '" + erased + "'", rs -> rs.getBoolean(1)), erased.toString());
        }
    }

    static List<Integer> versions(UUID id) {
        return Sql.query("select version from event_store where stream_id = '" + id + "' order by version",
                rs -> rs.getInt(1));
    }
}
