package cn.bailian.system;

import static cn.bailian.system.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.bailian.testkit.EventProbe;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first vertical slice across two processes: resident-service registers a resident and publishes
 * cn.bailian.resident.registered.v1 through its outbox; farm-service consumes it into its eligibility
 * projection, exactly once when the event arrives twice. (Kafka being away while residents register:
 * fault/KafkaOutageIT.)
 */
class ResidentToFarmIT {

    private static final String REGISTERED = "cn.bailian.resident.registered.v1";
    private static final String TOPIC = "bailian.resident.events";

    @Test
    void aRegisteredResidentBecomesEligibleInTheFarm() {
        Api.Neighbourhood place = Api.neighbourhood("白莲社区-资格");
        UUID resident = place.register(place.householdId(), "胡小明", "13800000001", "SELF");
        awaitEligible(place, resident);
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() throws Exception {
        Api.Neighbourhood place = Api.neighbourhood("白莲社区-重复");
        UUID resident = place.register(place.householdId(), "王五", "13800000003", "SELF");
        awaitEligible(place, resident);
        String eventId = registeredEventId(resident);
        String raw;
        try (EventProbe probe = EventProbe.on(Platform.get().kafka().bootstrapServers(), TOPIC)) {
            raw = probe.await(REGISTERED, r -> r.id().equals(eventId), Duration.ofSeconds(30))
                    .raw();
        }
        double duplicatesBefore = farmDuplicates();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.get().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(TOPIC, resident.toString(), raw)).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> farmDuplicates() >= duplicatesBefore + 1);
        assertThat(count("farm-service", "select count(*) from processed_event where event_id = ?", eventId))
                .isEqualTo(1);
        assertThat(count(
                        "farm-service",
                        "select count(*) from resident_projection where resident_id = cast(? as uuid)",
                        resident.toString()))
                .isEqualTo(1);
    }

    private static void awaitEligible(Api.Neighbourhood place, UUID resident) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> as(place.staffToken(), "farm-service")
                        .get("/api/v1/residents/" + resident + "/eligibility")
                        .then()
                        .statusCode(200)
                        .body("eligible", equalTo(true))
                        .body("communityId", equalTo(place.communityId().toString())));
    }

    private static String registeredEventId(UUID resident) throws Exception {
        try (Connection c = Platform.get().connect("resident-service");
                PreparedStatement s = c.prepareStatement(
                        "select event_id::text from outbox_event where aggregate_id = ? and event_type = ?")) {
            s.setString(1, resident.toString());
            s.setString(2, REGISTERED);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next())
                        .as("registered event in resident-service's outbox")
                        .isTrue();
                return rs.getString(1);
            }
        }
    }

    private static double farmDuplicates() {
        String metrics = Api.anonymous("farm-service")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher m = Pattern.compile("(?m)^bailian_inbox_duplicates_total(?:\\{[^}]*})? ([0-9.eE+]+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static long count(String service, String sql, String parameter) throws Exception {
        try (Connection c = Platform.get().connect(service);
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
