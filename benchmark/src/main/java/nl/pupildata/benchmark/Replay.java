package nl.pupildata.benchmark;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.pupildata.events.CloudEventHeaders;
import nl.pupildata.events.Topic;
import nl.pupildata.runner.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

/**
 * Rebuilding the register from the topics, against the two raw operations it is made of: reading the records
 * from Kafka with a plain consumer, and writing rows into PostgreSQL with COPY. The topics are filled up to the
 * target with copies of real requests' events (the ones the earlier phases made, each copy with new request
 * and event ids), so the replay folds real timelines.
 */
final class Replay {

    record Result(long events, long requests, double replaySeconds, double rawReadSeconds, long rawReadBytes,
            double rawCopySeconds, long registerEntries) {
        double replayRate() {
            return events / replaySeconds;
        }

        double rawReadRate() {
            return events / rawReadSeconds;
        }

        double rawCopyRate() {
            return events / rawCopySeconds;
        }
    }

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern READ = Pattern.compile("\"eventsRead\"\\s*:\\s*(\\d+)");

    private final LocalStack stack;
    private final Api api;
    private final String rawUrl;

    Replay(LocalStack stack, Api api, String rawUrl) {
        this.stack = stack;
        this.api = api;
        this.rawUrl = rawUrl;
    }

    Result run(long targetEvents) throws Exception {
        // Nothing but the replay may react to the copies: stop the other services, and start register-service
        // with its live consumers on a new group at the end of the topics.
        for (String service : List.of("request-service", "consent-service", "deadline-service", "register-service")) {
            stack.kill(service);
        }
        Map<String, String> liveAtEnd = new HashMap<>();
        for (String channel : List.of("requests-in", "consents-in", "deadlines-in")) {
            liveAtEnd.put("mp.messaging.incoming." + channel + ".group.id", "register-bench-live-" + channel);
            liveAtEnd.put("mp.messaging.incoming." + channel + ".auto.offset.reset", "latest");
        }
        Map<String, List<ConsumerRecord<String, String>>> templates = templates(1000);
        long existing = totalEvents();
        long requests = fill(templates, targetEvents - existing);
        long events = totalEvents();
        Benchmark.log("Topics hold " + events + " events; reading them with a plain consumer …");
        long[] bytes = new long[1];
        long t0 = System.nanoTime();
        long read = readAll(bytes);
        double rawRead = (System.nanoTime() - t0) / 1e9;
        if (read != events) {
            throw new IllegalStateException("read " + read + " of " + events + " events");
        }
        Benchmark.log("COPY of " + events + " timeline rows into PostgreSQL …");
        double rawCopy = copy(templates, events);
        stack.restart("register-service", liveAtEnd);
        Benchmark.log("Replaying the register from " + events + " events …");
        if (api.post("register-service", "/register/replay", api.officer()).statusCode() != 202) {
            throw new IllegalStateException("replay was not started");
        }
        String status;
        while (true) {
            Thread.sleep(1000);
            status = api.get("register-service", "/register/replay", api.officer()).body();
            Matcher state = STATE.matcher(status);
            if (state.find() && !"REBUILDING".equals(state.group(1))) {
                if (!"IDLE".equals(state.group(1))) {
                    throw new IllegalStateException("replay ended " + status);
                }
                break;
            }
        }
        Matcher m = READ.matcher(status);
        long replayed = m.find() ? Long.parseLong(m.group(1)) : -1;
        double replaySeconds = seconds(status);
        Matcher total = TOTAL.matcher(api.get("register-service", "/register?size=1", api.officer()).body());
        long entries = total.find() ? Long.parseLong(total.group(1)) : -1;
        if (replayed != events) {
            throw new IllegalStateException("replay read " + replayed + " of " + events + " events");
        }
        return new Result(events, requests, replaySeconds, rawRead, bytes[0], rawCopy, entries);
    }

    private static double seconds(String status) {
        Matcher start = Pattern.compile("\"startedAt\"\\s*:\\s*\"([^\"]+)\"").matcher(status);
        Matcher end = Pattern.compile("\"finishedAt\"\\s*:\\s*\"([^\"]+)\"").matcher(status);
        if (!start.find() || !end.find()) {
            throw new IllegalStateException("no start and end in " + status);
        }
        return Duration.between(Instant.parse(start.group(1)), Instant.parse(end.group(1))).toMillis() / 1000.0;
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024),
                new StringDeserializer(), new StringDeserializer());
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            consumer.partitionsFor(topic.topicName(), Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        return partitions;
    }

    private long totalEvents() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            long begin = consumer.beginningOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum() - begin;
        }
    }

    /** Every record of the three topics, start to end, with a plain consumer; counts the bytes it got. */
    private long readAll(long[] bytes) {
        long[] read = new long[1];
        forEachRecord(r -> {
            read[0]++;
            bytes[0] += r.serializedValueSize() + Math.max(0, r.serializedKeySize());
        });
        return read[0];
    }

    private void forEachRecord(java.util.function.Consumer<ConsumerRecord<String, String>> action) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!caughtUp(consumer, end)) {
                consumer.poll(Duration.ofMillis(500)).forEach(action);
            }
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The events of up to {@code requests} requests, by request id, read from the topics. */
    private Map<String, List<ConsumerRecord<String, String>>> templates(int requests) {
        Map<String, List<ConsumerRecord<String, String>>> byRequest = new LinkedHashMap<>();
        forEachRecord(r -> {
            if (r.key() == null) {
                return;
            }
            List<ConsumerRecord<String, String>> events = byRequest.get(r.key());
            if (events == null && byRequest.size() < requests) {
                events = new ArrayList<>();
                byRequest.put(r.key(), events);
            }
            if (events != null) {
                events.add(r);
            }
        });
        if (byRequest.isEmpty()) {
            throw new IllegalStateException("no events to copy");
        }
        return byRequest;
    }

    /** Copies of the template requests (new request and event ids) until {@code events} more are on the topics. */
    private long fill(Map<String, List<ConsumerRecord<String, String>>> templates, long events) throws Exception {
        if (events <= 0) {
            return 0;
        }
        Benchmark.log("Producing " + events + " copies of real events onto the topics …");
        List<List<ConsumerRecord<String, String>>> groups = new ArrayList<>(templates.values());
        long produced = 0;
        long requests = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), new StringSerializer())) {
            for (int g = 0; produced < events; g = (g + 1) % groups.size()) {
                String request = UUID.randomUUID().toString();
                requests++;
                for (ConsumerRecord<String, String> template : groups.get(g)) {
                    String oldEvent = header(template, CloudEventHeaders.ID);
                    String event = UUID.randomUUID().toString();
                    String value = template.value().replace(template.key(), request).replace(oldEvent, event);
                    ProducerRecord<String, String> copy = new ProducerRecord<>(template.topic(), request, value);
                    for (Header h : template.headers()) {
                        String v = new String(h.value(), StandardCharsets.UTF_8);
                        copy.headers().add(h.key(), (h.key().equals(CloudEventHeaders.ID) ? event
                                : v.replace(template.key(), request)).getBytes(StandardCharsets.UTF_8));
                    }
                    producer.send(copy);
                    produced++;
                }
            }
            producer.flush();
        }
        return requests;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** COPY of {@code rows} register-timeline rows (template payloads, new ids) in one transaction. */
    private double copy(Map<String, List<ConsumerRecord<String, String>>> templates, long rows) throws Exception {
        List<ConsumerRecord<String, String>> all = templates.values().stream().flatMap(List::stream).toList();
        try (Connection c = Intake.connect(rawUrl); Statement s = c.createStatement()) {
            s.execute("drop table if exists timeline_copy");
            s.execute("create table timeline_copy (event_id uuid primary key, request_id uuid not null,"
                    + " type text not null, at timestamptz not null, actor text not null, source text not null,"
                    + " payload text not null)");
            s.execute("create index on timeline_copy (request_id, at)");
            c.setAutoCommit(false);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            long t0 = System.nanoTime();
            StringBuilder chunk = new StringBuilder();
            for (long i = 0; i < rows; i++) {
                ConsumerRecord<String, String> t = all.get((int) (i % all.size()));
                chunk.append(UUID.randomUUID()).append(',').append(UUID.randomUUID()).append(',')
                        .append(header(t, CloudEventHeaders.TYPE)).append(',')
                        .append(header(t, CloudEventHeaders.TIME)).append(",bench,")
                        .append(header(t, CloudEventHeaders.SOURCE)).append(",\"")
                        .append(t.value().replace("\"", "\"\"")).append("\"\n");
                if (chunk.length() > 8 * 1024 * 1024 || i == rows - 1) {
                    copy.copyIn("copy timeline_copy from stdin (format csv)", new StringReader(chunk.toString()));
                    chunk.setLength(0);
                }
            }
            c.commit();
            return (System.nanoTime() - t0) / 1e9;
        }
    }
}
