package cn.bailian.system.fault;

import cn.bailian.system.Platform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What an operator sees of a service (readiness, metrics) and of Kafka (consumer group offsets). */
final class Operations {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Operations() {}

    /** /q/health/ready as answered: the status code and the body (null when no answer came). */
    record Readiness(int status, JsonNode body) {
        boolean up() {
            return status == 200;
        }

        /** The outbox check's backlog, or -1 when the answer carries none. */
        long backlog() {
            if (body == null) {
                return -1;
            }
            for (JsonNode check : body.path("checks")) {
                if (check.path("name").asText().equals("outbox")) {
                    return check.path("data").path("backlog").asLong(-1);
                }
            }
            return -1;
        }

        /** The outbox check's last relay error (the relay could not publish), or null when it reports none. */
        String lastError() {
            if (body == null) {
                return null;
            }
            for (JsonNode check : body.path("checks")) {
                if (check.path("name").asText().equals("outbox")
                        && check.path("data").hasNonNull("lastError")) {
                    return check.path("data").path("lastError").asText();
                }
            }
            return null;
        }
    }

    static Readiness readiness(String service) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(Platform.get().url(service) + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Readiness(response.statusCode(), JSON.readTree(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            return new Readiness(-1, null);
        }
    }

    /** The sum of one Prometheus counter's samples, e.g. bailian_inbox_applied_total. */
    static double metric(String service, String name) {
        try {
            String text = HTTP.send(
                            HttpRequest.newBuilder(URI.create(Platform.get().url(service) + "/q/metrics"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            double sum = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return sum;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("no metrics from " + service, e);
        }
    }

    static Admin kafkaAdmin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Platform.get().kafka().bootstrapServers()));
    }

    /**
     * Sets every committed offset of a consumer group back to 0, as an operator replays a topic. The group must
     * be empty (its service stopped); a group that has only just been left may still be settling, so retry.
     * Returns the partitions reset.
     */
    static Map<TopicPartition, OffsetAndMetadata> resetToZero(Admin admin, String group) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            committed.keySet().forEach(p -> zero.put(p, new OffsetAndMetadata(0)));
            try {
                admin.alterConsumerGroupOffsets(group, zero).all().get(10, TimeUnit.SECONDS);
                return zero;
            } catch (Exception notEmptyYet) {
                if (System.nanoTime() > deadline) {
                    throw notEmptyYet;
                }
                Thread.sleep(500);
            }
        }
    }

    static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group) throws Exception {
        return admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
    }

    /** How many records the group still has to read on the partitions it has offsets for. */
    static long lag(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += end.getValue().offset() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    /** Records on the partitions the group reads: what a replay from 0 goes through. */
    static long records(Admin admin, Iterable<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(i -> i.offset())
                .sum();
    }
}
