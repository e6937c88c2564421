package cn.bailian.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Reads a topic from its beginning into memory, so a test can wait for the events a service published and
 * count them. Close it when done.
 */
public final class EventProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** One received record: the Kafka key and the CloudEvent parsed as a tree. */
    public record Received(String key, JsonNode event, String raw) {
        public String type() {
            return event.path("type").asText();
        }

        public String id() {
            return event.path("id").asText();
        }

        public String subject() {
            return event.path("subject").asText();
        }

        public JsonNode data() {
            return event.path("data");
        }
    }

    private EventProbe(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                true));
        thread = new Thread(() -> loop(topic), "event-probe-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    public static EventProbe on(String bootstrapServers, String topic) {
        return new EventProbe(bootstrapServers, topic);
    }

    /** On the test broker. */
    public static EventProbe on(String topic) {
        return on(KafkaBroker.shared().bootstrapServers(), topic);
    }

    private void loop(String topic) {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            while (running && partitions.isEmpty()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
                if (partitions.isEmpty()) {
                    Thread.sleep(200);
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode tree;
                    try {
                        tree = JSON.readTree(record.value());
                    } catch (Exception unreadable) {
                        tree = JSON.createObjectNode();
                    }
                    received.add(new Received(record.key(), tree, record.value()));
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException | InterruptedException stop) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    /**
     * Everything on the topic now, read from the beginning to the end offsets (nothing when the topic does not
     * exist). For checks over all that a test run published; {@link #on} is for waiting on one event.
     */
    public static List<Received> readAll(String bootstrapServers, String topic) {
        List<Received> records = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                false))) {
            List<PartitionInfo> infos =
                    reader.listTopics(Duration.ofSeconds(10)).get(topic);
            if (infos == null) {
                return records;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
                }
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                    JsonNode tree;
                    try {
                        tree = JSON.readTree(record.value());
                    } catch (Exception unreadable) {
                        tree = JSON.createObjectNode();
                    }
                    records.add(new Received(record.key(), tree, record.value()));
                }
            }
        }
        return records;
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    public List<Received> ofType(String type) {
        return received.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** Waits (up to 30 s) for an event of this type matching the predicate, and returns it. */
    public Received await(String type, Predicate<Received> match) {
        return await(type, match, Duration.ofSeconds(30));
    }

    public Received await(String type, Predicate<Received> match, Duration timeout) {
        Predicate<Received> both = r -> r.type().equals(type) && match.test(r);
        org.awaitility.Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> received.stream().anyMatch(both));
        return received.stream().filter(both).findFirst().orElseThrow();
    }

    public long count(String type, Predicate<Received> match) {
        return received.stream()
                .filter(r -> r.type().equals(type) && match.test(r))
                .count();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
