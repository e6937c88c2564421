package cn.bailian.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * The cluster's Kafka rights, on a real broker: a secured local broker (SASL/SCRAM-SHA-512, StandardAuthorizer)
 * with the users and ACLs of deploy/base/kafka/users.yaml. A service's credentials write its own topic and read
 * what it consumes, and nothing else: farm-service cannot publish a resident event, nor read the fund topic, nor
 * join another service's consumer group.
 */
class KafkaAclTest {

    static final Path USERS = Path.of(System.getProperty("bailian.root", "..")).resolve("deploy/base/kafka/users.yaml");
    static final List<String> TOPICS =
            List.of("bailian.resident.events", "bailian.farm.events", "bailian.activity.events", "bailian.fund.events");

    @TempDir
    static Path dir;

    static KafkaBroker broker;
    static KafkaUsers users;

    @BeforeAll
    static void start() throws Exception {
        long started = System.nanoTime();
        broker = KafkaBroker.securedAt(
                dir.resolve("kafka"),
                KafkaBroker.freePort(),
                KafkaBroker.freePort(),
                UUID.randomUUID().toString().replace("-", ""));
        broker.start();
        assertThat(USERS).as("the cluster's KafkaUsers").exists();
        users = KafkaUsers.apply(broker, USERS);
        try (Admin admin = Admin.create(broker.adminProperties())) {
            admin.createTopics(TOPICS.stream()
                            .map(t -> new NewTopic(t, 1, (short) 1))
                            .toList())
                    .all()
                    .get();
        }
        System.out.printf(
                "secured broker with users and ACLs up in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void aServicePublishesToItsOwnTopic() throws Exception {
        try (KafkaProducer<String, String> resident = producer("resident-service")) {
            assertThat(resident.send(new ProducerRecord<>("bailian.resident.events", "k", "{}"))
                            .get()
                            .offset())
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void farmsCredentialsCannotWriteTheResidentTopic() {
        try (KafkaProducer<String, String> farm = producer("farm-service")) {
            assertThatThrownBy(() -> farm.send(new ProducerRecord<>(
                                    "bailian.resident.events", "k", "{\"type\":\"cn.bailian.resident.registered.v1\"}"))
                            .get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aServiceReadsWhatItConsumesWithItsOwnGroupAndNothingElse() {
        try (KafkaConsumer<String, String> farm = consumer("farm-service", "farm-service")) {
            farm.subscribe(List.of("bailian.resident.events"));
            farm.poll(Duration.ofSeconds(2)); // no exception: allowed
        }
        try (KafkaConsumer<String, String> farm = consumer("farm-service", "farm-service")) {
            farm.subscribe(List.of("bailian.fund.events"));
            assertThatThrownBy(() -> poll(farm)).isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> farm = consumer("farm-service", "resident-service")) {
            farm.subscribe(List.of("bailian.resident.events"));
            assertThatThrownBy(() -> poll(farm)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Properties props = broker.clientProperties("farm-service", "not-the-password");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> forger =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> forger.send(new ProducerRecord<>("bailian.farm.events", "k", "{}"))
                            .get())
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static void poll(KafkaConsumer<String, String> consumer) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            consumer.poll(Duration.ofMillis(500));
        }
    }

    private static KafkaProducer<String, String> producer(String user) {
        Properties props = users.clientProperties(user);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String user, String group) {
        Properties props = users.clientProperties(user);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
