package cn.bailian.system.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.bailian.system.Platform;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventProbe;
import cn.bailian.testkit.PiiForms;
import io.restassured.response.Response;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * After every other system test (last by {@link ClassOrderer.OrderAnnotation}, configured as the default class
 * order in {@code junit-platform.properties}), looks for every phone and ID-card number the system tests
 * registered in all service logs, in every event on every topic from offset 0, and in the output of every
 * public operation, and finds none.
 *
 * <p>The numbers come from resident-service itself (as ADMIN, the only reader who sees them whole), so
 * residents registered by any system test count, plus those the {@link World} registered or changed.
 */
@Order(Integer.MAX_VALUE)
class PiiScanIT {

    private static final Pattern NUMBER = Pattern.compile("[0-9]+[Xx]?");

    @Test
    void noPhoneOrIdCardNumberWhereItShouldNotBe() throws Exception {
        World world = World.get(); // so the world's own PII exists even when this class runs alone
        Set<String> secrets = new HashSet<>(World.registeredPii());
        secrets.addAll(registeredInResidentService());
        assertThat(secrets).as("phone and ID-card numbers to look for").hasSizeGreaterThan(10);
        Set<String> forms = new HashSet<>();
        for (String secret : secrets) {
            for (String form : PiiForms.of(secret)) {
                forms.add(form.toUpperCase());
            }
        }
        Map<String, String> places = new LinkedHashMap<>();
        Path logs = Path.of(System.getProperty("bailian.root", "..")).resolve("system-tests/target/system-logs");
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.filter(Files::isRegularFile).toList()) {
                places.put("log " + log.getFileName(), Files.readString(log, StandardCharsets.UTF_8));
            }
        }
        int events = 0;
        for (String topic : topics()) {
            List<String> raw = allEvents(topic);
            events += raw.size();
            places.put("topic " + topic, String.join("\n", raw));
        }
        int publicAnswers = 0;
        for (Response response : publicAnswers(world)) {
            publicAnswers++;
            places.merge("public output", response.asString(), (a, b) -> a + "\n" + b);
        }

        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, String> place : places.entrySet()) {
            // every run of digits (with an ID card's X) is a candidate: digits inside a longer number (a timestamp,
            // an offset) are not a phone number, so whole runs are compared with the forms
            Matcher numbers = NUMBER.matcher(place.getValue());
            while (numbers.find()) {
                String run = numbers.group().toUpperCase();
                String digits = run.endsWith("X") ? run.substring(0, run.length() - 1) : run;
                if (forms.contains(run) || forms.contains(digits)) {
                    int from = Math.max(0, numbers.start() - 120);
                    leaks.add(place.getKey() + ": …"
                            + place.getValue()
                                    .substring(from, Math.min(place.getValue().length(), numbers.end() + 60))
                                    .replaceAll("\\s+", " "));
                }
            }
        }
        System.out.printf(
                "PII scan: %d numbers (%d forms) in %d logs, %d events on %d topics, %d public answers%n",
                secrets.size(),
                forms.size(),
                places.keySet().stream().filter(k -> k.startsWith("log ")).count(),
                events,
                places.keySet().stream().filter(k -> k.startsWith("topic ")).count(),
                publicAnswers);
        assertThat(places.keySet())
                .as("places scanned")
                .anyMatch(k -> k.startsWith("log "))
                .anyMatch(k -> k.startsWith("topic "));
        assertThat(leaks).as("phone or ID-card numbers found").isEmpty();
    }

    /** Every resident's whole phone and ID-card number, read as ADMIN from every community. */
    private static Set<String> registeredInResidentService() {
        String base = Platform.get().url("resident-service");
        String admin = DevTokens.admin();
        Set<String> found = new HashSet<>();
        for (String community : pagedIds(base, "/api/v1/communities", Map.of(), null)) {
            for (String resident : pagedIds(base, "/api/v1/residents", Map.of("communityId", community), admin)) {
                Response r = given().baseUri(base).auth().oauth2(admin).get("/api/v1/residents/" + resident);
                r.then().statusCode(200);
                for (String field : List.of("phone", "idNumber")) {
                    String value = r.path(field);
                    if (value != null && !value.contains("*")) {
                        found.add(value);
                    }
                }
            }
        }
        return found;
    }

    private static List<String> pagedIds(String base, String path, Map<String, String> query, String token) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            var request = given().baseUri(base)
                    .queryParams(query)
                    .queryParam("page", page)
                    .queryParam("size", 100);
            if (token != null) {
                request.auth().oauth2(token);
            }
            Response r = request.get(path);
            r.then().statusCode(200);
            List<String> items = r.path("items.id");
            ids.addAll(items);
            if (items.size() < 100) {
                return ids;
            }
        }
    }

    /** Every public operation of AccessRules on the world, and the public lists of every community. */
    private static List<Response> publicAnswers(World world) {
        List<Response> answers = new ArrayList<>();
        for (AccessRules.Rule rule : AccessRules.all().values()) {
            if (rule.allowed().equals(AccessRules.PUBLIC) && !rule.mutates()) {
                answers.add(rule.target().apply(world).send(null));
            }
        }
        for (String community :
                pagedIds(Platform.get().url("resident-service"), "/api/v1/communities", Map.of(), null)) {
            answers.add(given().baseUri(Platform.get().url("resident-service"))
                    .get("/api/v1/communities/" + community + "/participation/ranking?size=100"));
            answers.add(given().baseUri(Platform.get().url("resident-service"))
                    .get("/api/v1/organizations?size=100&communityId=" + community));
            for (String farm : pagedIds(
                    Platform.get().url("farm-service"), "/api/v1/farms", Map.of("communityId", community), null)) {
                for (String list : List.of("/plots", "/journal", "/waitlist")) {
                    answers.add(given().baseUri(Platform.get().url("farm-service"))
                            .get("/api/v1/farms/" + farm + list + "?size=100"));
                }
            }
            answers.add(given().baseUri(Platform.get().url("activity-service"))
                    .get("/api/v1/activities?size=100&communityId=" + community));
            for (String fund : pagedIds(
                    Platform.get().url("fund-service"), "/api/v1/funds", Map.of("communityId", community), null)) {
                for (String list : List.of("/ledger?size=100", "/transparency", "/projects?size=100")) {
                    answers.add(
                            given().baseUri(Platform.get().url("fund-service")).get("/api/v1/funds/" + fund + list));
                }
            }
        }
        for (Response answer : answers) {
            assertThat(answer.statusCode()).as("a public read").isEqualTo(200);
        }
        return answers;
    }

    private static Set<String> topics() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Platform.get().kafka().bootstrapServers()))) {
            Set<String> topics = new HashSet<>(admin.listTopics().names().get());
            topics.removeIf(t -> t.startsWith("__"));
            return topics;
        }
    }

    /** Every record of the topic from offset 0 to its current end. */
    private static List<String> allEvents(String topic) {
        long total;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.get().kafka().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = c.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            Map<TopicPartition, Long> begin = c.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            total = partitions.stream()
                    .mapToLong(p -> end.get(p) - begin.get(p))
                    .sum();
        }
        assertThat(total).as("events still on " + topic + " from offset 0").isGreaterThanOrEqualTo(0);
        try (EventProbe probe = EventProbe.on(Platform.get().kafka().bootstrapServers(), topic)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> probe.all().size() >= total);
            return probe.all().stream().map(EventProbe.Received::raw).toList();
        }
    }
}
