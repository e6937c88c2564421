package cn.bailian.testkit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Feeds a service under test the events another service would publish: CloudEvents JSON on the other
 * service's topic of the test broker, keyed by subject as the outbox relay keys them.
 */
public final class EventFeed {

    private static KafkaProducer<String, String> producer;

    private EventFeed() {}

    /** A CloudEvent with a fresh id; {@code dataJson} is the data member as JSON. */
    public static String cloudEvent(String type, String source, Object subject, OffsetDateTime time, String dataJson) {
        return """
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","subject":"%s",\
                "time":"%s","datacontenttype":"application/json","data":%s}""".formatted(UUID.randomUUID(), source, type, subject, time, dataJson);
    }

    /** Sends a prepared record (an event, or anything else: poison tests send garbage). */
    public static Future<RecordMetadata> send(String topic, String key, String value) {
        return producer().send(new ProducerRecord<>(topic, key, value));
    }

    /** Builds a CloudEvent timed now and sends it; returns the send's future so many can be sent before waiting. */
    public static Future<RecordMetadata> publish(
            String topic, String type, String source, Object subject, String dataJson) {
        return send(
                topic,
                subject.toString(),
                cloudEvent(type, source, subject, OffsetDateTime.now(ZoneOffset.UTC), dataJson));
    }

    /** Sends and waits for the broker's acknowledgement. */
    public static void publishAndWait(String topic, String type, String source, Object subject, String dataJson) {
        try {
            publish(topic, type, source, subject, dataJson).get();
        } catch (Exception e) {
            throw new IllegalStateException("event not accepted by the broker", e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            KafkaBroker.shared().bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        }
        return producer;
    }
}
