package cn.bailian.resident.participation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.bailian.resident.Fixtures;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Other services' events, produced to their topics as they would be, become the participation record. */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class ParticipationTest {

    static KafkaProducer<String, String> producer;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                BailianTestResource.broker().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.ACKS_CONFIG,
                "all"));
    }

    @AfterAll
    static void close() {
        producer.close(Duration.ofSeconds(5));
    }

    static String send(String topic, String service, String type, String subject, Map<String, Object> data)
            throws Exception {
        return send(topic, service, type, subject, data, UUID.randomUUID().toString());
    }

    static String send(String topic, String service, String type, String subject, Map<String, Object> data, String id)
            throws Exception {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", "/bailian/" + service);
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        producer.send(new ProducerRecord<>(topic, subject, JSON.writeValueAsString(event)))
                .get();
        return id;
    }

    static Map<String, Object> data(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void farmActivityAndFundEventsBecomeATimelineWithPoints() throws Exception {
        Fixtures f = Fixtures.community();
        UUID hu = f.adult("胡小明", "SELF");
        UUID li = f.adult("李芳", "SPOUSE");
        String community = f.communityId.toString();
        String claimId = UUID.randomUUID().toString();
        String claimEvent = send(
                "bailian.farm.events",
                "farm-service",
                "cn.bailian.farm.plot.claimed.v1",
                claimId,
                data(
                        "claimId",
                        claimId,
                        "plotId",
                        UUID.randomUUID().toString(),
                        "farmId",
                        UUID.randomUUID().toString(),
                        "plotCode",
                        "A-01",
                        "residentId",
                        hu.toString(),
                        "householdId",
                        f.householdId.toString(),
                        "communityId",
                        community,
                        "startsOn",
                        "2026-03-01",
                        "endsOn",
                        "2027-02-28"));
        String entry = UUID.randomUUID().toString();
        send(
                "bailian.farm.events",
                "farm-service",
                "cn.bailian.farm.journal.recorded.v1",
                entry,
                data(
                        "entryId",
                        entry,
                        "plotId",
                        UUID.randomUUID().toString(),
                        "farmId",
                        UUID.randomUUID().toString(),
                        "residentId",
                        hu.toString(),
                        "communityId",
                        community,
                        "kind",
                        "HARVEST",
                        "crop",
                        "番茄",
                        "quantityGrams",
                        1200));
        String watering = UUID.randomUUID().toString();
        send(
                "bailian.farm.events",
                "farm-service",
                "cn.bailian.farm.journal.recorded.v1",
                watering,
                data("entryId", watering, "residentId", hu.toString(), "communityId", community, "kind", "WATERING"));
        String attendance = UUID.randomUUID().toString();
        send(
                "bailian.activity.events",
                "activity-service",
                "cn.bailian.activity.attendance.recorded.v1",
                attendance,
                data(
                        "attendanceId",
                        attendance,
                        "sessionId",
                        UUID.randomUUID().toString(),
                        "activityId",
                        UUID.randomUUID().toString(),
                        "enrollmentId",
                        UUID.randomUUID().toString(),
                        "residentId",
                        li.toString(),
                        "communityId",
                        community,
                        "checkedInAt",
                        OffsetDateTime.now().toString()));
        String donation = UUID.randomUUID().toString();
        send(
                "bailian.fund.events",
                "fund-service",
                "cn.bailian.fund.donation.received.v1",
                donation,
                data(
                        "donationId",
                        donation,
                        "fundId",
                        UUID.randomUUID().toString(),
                        "communityId",
                        community,
                        "donorKind",
                        "RESIDENT",
                        "donorId",
                        li.toString(),
                        "residentId",
                        li.toString(),
                        "anonymous",
                        false,
                        "displayName",
                        "李*",
                        "amountFen",
                        10000,
                        "channel",
                        "WECHAT_PAY",
                        "receiptNumber",
                        "BL-2026-000001"));
        // an anonymous donation credits no one, even with a resident named
        String anonymous = UUID.randomUUID().toString();
        send(
                "bailian.fund.events",
                "fund-service",
                "cn.bailian.fund.donation.received.v1",
                anonymous,
                data(
                        "donationId",
                        anonymous,
                        "fundId",
                        UUID.randomUUID().toString(),
                        "communityId",
                        community,
                        "donorKind",
                        "RESIDENT",
                        "donorId",
                        null,
                        "residentId",
                        hu.toString(),
                        "anonymous",
                        true,
                        "amountFen",
                        500));
        // the same event delivered again (a producer retry) counts once
        send(
                "bailian.farm.events",
                "farm-service",
                "cn.bailian.farm.plot.claimed.v1",
                claimId,
                data("claimId", claimId, "plotCode", "A-01", "residentId", hu.toString(), "communityId", community),
                claimEvent);

        String me = DevTokens.resident(hu, f.communityId);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(me)
                        .get("/api/v1/residents/" + hu + "/participation")
                        .then()
                        .statusCode(200)
                        .body("total", equalTo(3))
                        .body("points", equalTo(10 + 5 + 1)));
        given().auth()
                .oauth2(me)
                .get("/api/v1/residents/" + hu + "/participation")
                .then()
                .body("items.eventType", hasSize(3))
                .body("items.find { it.eventType == 'cn.bailian.farm.plot.claimed.v1' }.detail", equalTo("A-01"))
                .body("items.find { it.eventType == 'cn.bailian.farm.plot.claimed.v1' }.points", equalTo(10));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(f.staff)
                        .get("/api/v1/residents/" + li + "/participation")
                        .then()
                        .statusCode(200)
                        .body("total", equalTo(2))
                        .body("points", equalTo(3 + 5)));

        given().get("/api/v1/communities/" + f.communityId + "/participation/ranking")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.displayName", contains("胡*", "李*"))
                .body("items.points", contains(16, 8))
                .body("items.rank", contains(1, 2))
                .body("items[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("residentId")));

        // who may read a record
        Fixtures other = Fixtures.community();
        UUID stranger = other.adult("王五", "SELF");
        given().auth()
                .oauth2(DevTokens.resident(stranger, other.communityId))
                .get("/api/v1/residents/" + hu + "/participation")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.resident(li, f.communityId))
                .get("/api/v1/residents/" + hu + "/participation")
                .then()
                .statusCode(200);
        // not among the documented readers (found by the system tests' authorisation matrix)
        given().auth()
                .oauth2(DevTokens.service("district-grid"))
                .get("/api/v1/residents/" + hu + "/participation")
                .then()
                .statusCode(403);
        given().get("/api/v1/residents/" + hu + "/participation").then().statusCode(401);
        given().get("/api/v1/communities/" + UUID.randomUUID() + "/participation/ranking")
                .then()
                .statusCode(404);
    }

    @Test
    void eventsOfAResidentNotYetRegisteredCountOnceTheyAre() throws Exception {
        Fixtures f = Fixtures.community();
        UUID unknown = UUID.randomUUID();
        String enrollment = UUID.randomUUID().toString();
        send(
                "bailian.activity.events",
                "activity-service",
                "cn.bailian.activity.enrollment.confirmed.v1",
                enrollment,
                data(
                        "enrollmentId",
                        enrollment,
                        "activityId",
                        UUID.randomUUID().toString(),
                        "residentId",
                        unknown.toString(),
                        "communityId",
                        f.communityId.toString(),
                        "status",
                        "CONFIRMED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (var db = BailianTestResource.connect();
                    var st = db.prepareStatement("select count(*) from participation_entry where resident_id = ?")) {
                st.setObject(1, unknown);
                var rs = st.executeQuery();
                rs.next();
                return rs.getInt(1) == 1;
            }
        });
        // not on the ranking: the ranking shows residents of the register only
        given().get("/api/v1/communities/" + f.communityId + "/participation/ranking")
                .then()
                .body("total", equalTo(0));
    }
}
