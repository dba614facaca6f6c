package nl.pupildata.platform.consumer;

import static io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler.DESERIALIZATION_FAILURE_DLQ;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_CAUSE;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_CAUSE_CLASS_NAME;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_OFFSET;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_PARTITION;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_REASON;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;
import nl.pupildata.platform.kafka.KafkaSettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The incoming channels' failure strategy {@value #STRATEGY}: a message that can never be applied is written to the
 * dead-letter topic with why, and only then is its offset committed. The record is the one SmallRye's own
 * {@code dead-letter-queue} strategy writes — the key, value and headers as read, and {@code dead-letter-reason},
 * {@code -cause}, {@code -exception-class-name}, {@code -cause-class-name}, {@code -topic}, {@code -partition} and
 * {@code -offset} — with its header names. The difference is the producer: SmallRye's strategy makes a Kafka producer
 * for every channel while the service starts, about 60 ms each and a third of the Kafka channels' start
 * (docs/performance.md, "Fewer Kafka clients at start"); here the channels of a service share one, made when the first
 * message is dead-lettered. The topic is the channel's {@code dead-letter-queue.topic}.
 */
public final class DeadLetterTopic implements KafkaFailureHandler {

    public static final String STRATEGY = "pupil-data-dead-letter";

    private final String topic;
    private final Producers producers;

    DeadLetterTopic(String topic, Producers producers) {
        this.topic = topic;
        this.producers = producers;
    }

    @ApplicationScoped
    @Identifier(STRATEGY)
    public static class Factory implements KafkaFailureHandler.Factory {

        private final Producers producers;

        Factory(Producers producers) {
            this.producers = producers;
        }

        @Override
        public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
            String topic = config.getDeadLetterQueueTopic().orElseThrow(() -> new IllegalStateException(
                    "channel " + config.getChannel() + ": failure-strategy " + STRATEGY
                            + " needs dead-letter-queue.topic"));
            return new DeadLetterTopic(topic, producers);
        }
    }

    /** The one dead-letter producer of a service, made on first use. */
    @ApplicationScoped
    public static class Producers {

        private final KafkaSettings kafka;
        private final String clientId;
        private volatile Producer<String, String> producer;

        Producers(KafkaSettings kafka, @ConfigProperty(name = "quarkus.application.name") String application) {
            this.kafka = kafka;
            this.clientId = application + "-dead-letter";
        }

        Producer<String, String> producer() {
            Producer<String, String> p = producer;
            if (p == null) {
                synchronized (this) {
                    if (producer == null) {
                        producer = new KafkaProducer<>(kafka.with(Map.of(ProducerConfig.CLIENT_ID_CONFIG, clientId,
                                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000)),
                                new StringSerializer(), new StringSerializer());
                    }
                    p = producer;
                }
            }
            return p;
        }

        @PreDestroy
        void close() {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
        }
    }

    /** The dead-letter record of a message that failed for {@code reason}: as SmallRye's strategy writes it. */
    ProducerRecord<String, String> deadLetter(IncomingKafkaRecord<?, ?> record, Throwable reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, null, text(record.getKey()),
                text(record.getPayload()));
        header(dead, DEAD_LETTER_EXCEPTION_CLASS_NAME, reason.getClass().getName());
        header(dead, DEAD_LETTER_REASON, message(reason));
        if (reason.getCause() != null) {
            header(dead, DEAD_LETTER_CAUSE_CLASS_NAME, reason.getCause().getClass().getName());
            header(dead, DEAD_LETTER_CAUSE, message(reason.getCause()));
        }
        header(dead, DEAD_LETTER_TOPIC, record.getTopic());
        header(dead, DEAD_LETTER_PARTITION, Integer.toString(record.getPartition()));
        header(dead, DEAD_LETTER_OFFSET, Long.toString(record.getOffset()));
        record.getHeaders().forEach(h -> dead.headers().add(h));
        dead.headers().remove(DESERIALIZATION_FAILURE_DLQ);
        return dead;
    }

    @Override
    public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
        ProducerRecord<String, String> dead = deadLetter(record, reason);
        // On a worker: the first call makes the producer, and a send may wait for the topic's metadata.
        return Uni.createFrom().<Void>emitter(sent -> producers.producer().send(dead, (written, failed) -> {
                    if (failed != null) {
                        sent.fail(failed);
                    } else {
                        sent.complete(null);
                    }
                }))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(record::runOnMessageContext)
                .chain(() -> Uni.createFrom().completionStage(record.ack()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String message(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    private static void header(ProducerRecord<?, ?> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
