package nl.pupildata.platform.consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import nl.pupildata.platform.kafka.KafkaSettings;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * How many events this service's consumers are behind, per topic: the metric
 * {@code pupil_data_consumer_lag{topic}} and the readiness check's details. Informational: lag does not make
 * the service unready (a stuck consumer shows here rather than by failing probes).
 */
@Readiness
@ApplicationScoped
public class ConsumerLag implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);

    private final String service;
    private final List<String> topics;
    private final KafkaSettings kafka;
    private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();
    private volatile Admin admin;
    private volatile boolean measured;

    public ConsumerLag(MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "pupil-data.consumer-lag.topics") Optional<List<String>> topics,
            KafkaSettings kafka) {
        this.service = service;
        this.topics = topics.orElse(List.of());
        this.kafka = kafka;
        for (String topic : this.topics) {
            AtomicLong value = new AtomicLong();
            lag.put(topic, value);
            Gauge.builder("pupil_data_consumer_lag", value, AtomicLong::get).tag("topic", topic)
                    .description("Events on the topic that this service has not consumed yet").register(registry);
        }
    }

    @Scheduled(every = "${pupil-data.consumer-lag.interval:10s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measure() {
        if (topics.isEmpty()) {
            return;
        }
        try {
            Map<String, Long> behind = measureNow();
            behind.forEach((topic, value) -> lag.get(topic).set(value));
            measured = true;
        } catch (Exception e) {
            LOG.debugf("Consumer lag not measured: %s", e.getMessage());
        }
    }

    /** Events behind per topic: the end of each partition minus the group's committed offset. */
    public Map<String, Long> measureNow() throws Exception {
        Admin a = admin();
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        for (String topic : topics) {
            committed.putAll(a.listConsumerGroupOffsets(groupOf(service, topic)).partitionsToOffsetAndMetadata()
                    .get(5, TimeUnit.SECONDS));
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        a.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS).forEach((name, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()),
                        OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = a.listOffsets(latest).all().get(5, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Map<String, Long> behind = new HashMap<>();
        topics.forEach(t -> behind.put(t, 0L));
        ends.forEach((tp, end) -> {
            OffsetAndMetadata done = committed.get(tp);
            behind.merge(tp.topic(), Math.max(0, end - (done == null ? 0 : done.offset())), Long::sum);
        });
        return behind;
    }

    /**
     * Each channel consumes one topic in a consumer group of its own ({@code <service>.<topic without
     * "pupil-data.">}, as in the services' application.properties): when one consumer stops, the service's other
     * consumers are not stopped for a rebalance.
     */
    public static String groupOf(String service, String topic) {
        return service + "." + topic.substring(topic.indexOf('.') + 1);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Consumer lag (events behind per topic)").up();
        lag.forEach((topic, value) -> response.withData(topic, measured ? String.valueOf(value.get()) : "unknown"));
        return response.build();
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafka.with(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000)));
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
