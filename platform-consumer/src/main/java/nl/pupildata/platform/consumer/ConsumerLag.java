package nl.pupildata.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import nl.pupildata.platform.kafka.KafkaSettings;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * How many events this instance's consumers are behind, per partition it reads: the metric
 * {@code pupil_data_consumer_lag{topic,partition}} and, summed per topic, the readiness check's details. Only the
 * partitions assigned to this instance's consumer are reported, so with two replicas each partition's lag is reported
 * once, by its owner, and a sum over pods is the group's lag. Informational: lag does not make the service unready (a
 * stuck consumer shows here rather than by failing probes).
 */
@Readiness
@ApplicationScoped
public class ConsumerLag implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);

    private final String service;
    private final List<String> topics;
    private final KafkaSettings kafka;
    private final KafkaClientService clients;
    private final MultiGauge gauge;
    /** The incoming channel that reads each topic (its consumer knows this instance's partitions). */
    private final Map<String, String> channels = new ConcurrentHashMap<>();
    private volatile Map<TopicPartition, Long> lagPerPartition = Map.of();
    private volatile Admin admin;
    private volatile boolean measured;

    public ConsumerLag(MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "pupil-data.consumer-lag.topics") Optional<List<String>> topics,
            KafkaSettings kafka, KafkaClientService clients) {
        this.service = service;
        this.topics = topics.orElse(List.of());
        this.kafka = kafka;
        this.clients = clients;
        this.gauge = MultiGauge.builder("pupil_data_consumer_lag")
                .description("Events on a partition this instance reads that it has not consumed yet")
                .register(registry);
    }

    @Scheduled(every = "${pupil-data.consumer-lag.interval:10s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measure() {
        if (topics.isEmpty()) {
            return;
        }
        try {
            Map<TopicPartition, Long> behind = measureNow();
            lagPerPartition = behind;
            gauge.register(behind.entrySet().stream().map(e -> MultiGauge.Row.of(Tags.of("topic", e.getKey().topic(),
                    "partition", String.valueOf(e.getKey().partition())), e.getValue())).toList(), true);
            measured = true;
        } catch (Exception e) {
            LOG.debugf("Consumer lag not measured: %s", e.getMessage());
        }
    }

    /** The partitions this instance reads now, with the events behind in each: their end minus the group's offset. */
    public Map<TopicPartition, Long> measureNow() throws Exception {
        Set<TopicPartition> owned = new HashSet<>();
        for (String topic : topics) {
            owned.addAll(clients.getConsumer(channels.computeIfAbsent(topic, ConsumerLag::channelOf)).getAssignments()
                    .await().atMost(Duration.ofSeconds(5)));
        }
        Map<TopicPartition, Long> behind = new TreeMap<>(
                Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition));
        if (owned.isEmpty()) {
            return behind;
        }
        Admin a = admin();
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        for (String topic : topics) {
            committed.putAll(a.listConsumerGroupOffsets(groupOf(service, topic)).partitionsToOffsetAndMetadata()
                    .get(5, TimeUnit.SECONDS));
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        owned.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        a.listOffsets(latest).all().get(5, TimeUnit.SECONDS).forEach((tp, end) -> {
            OffsetAndMetadata done = committed.get(tp);
            behind.put(tp, Math.max(0, end.offset() - (done == null ? 0 : done.offset())));
        });
        return behind;
    }

    /** The incoming channel that reads a topic, from the channels' settings ({@code mp.messaging.incoming.<c>.topic}). */
    static String channelOf(String topic) {
        Config config = ConfigProvider.getConfig();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".topic")
                    && !name.endsWith(".dead-letter-queue.topic")
                    && topic.equals(config.getOptionalValue(name, String.class).orElse(null))) {
                return name.substring("mp.messaging.incoming.".length(), name.length() - ".topic".length());
            }
        }
        throw new IllegalStateException("No incoming channel reads " + topic);
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
        HealthCheckResponseBuilder response = HealthCheckResponse
                .named("Consumer lag (events behind per topic, in the partitions this instance reads)").up();
        Map<TopicPartition, Long> behind = lagPerPartition;
        topics.forEach(topic -> response.withData(topic, measured ? String.valueOf(behind.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic)).mapToLong(Map.Entry::getValue).sum()) : "unknown"));
        if (measured) {
            response.withData("partitions", behind.keySet().toString());
        }
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
