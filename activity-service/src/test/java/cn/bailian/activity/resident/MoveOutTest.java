package cn.bailian.activity.resident;

import static cn.bailian.activity.Fixtures.adults;
import static cn.bailian.activity.Fixtures.at;
import static cn.bailian.activity.Fixtures.awaitCount;
import static cn.bailian.activity.Fixtures.count;
import static cn.bailian.activity.Fixtures.enrol;
import static cn.bailian.activity.Fixtures.published;
import static cn.bailian.activity.Fixtures.residentEvent;
import static cn.bailian.activity.Fixtures.venue;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class MoveOutTest {

    @Test
    void aResidentWhoMovesOutLosesFuturePlacesAndTheWaitlistMovesUp() throws Exception {
        UUID community = UUID.randomUUID();
        List<UUID> people = adults(community, 3);
        UUID leaving = people.get(0);
        UUID future = published(community, 1);
        UUID past = published(community, 5);
        String place = enrol(DevTokens.resident(leaving, community), future, leaving, null)
                .statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .extract()
                .path("id");
        String next = enrol(DevTokens.resident(people.get(1), community), future, people.get(1), null)
                .statusCode(201)
                .body("status", equalTo("WAITLISTED"))
                .extract()
                .path("id");
        String history = enrol(DevTokens.resident(leaving, community), past, leaving, null)
                .statusCode(201)
                .extract()
                .path("id");
        // the second activity's sessions are over (set directly: the API refuses to schedule in the past)
        try (Connection c = BailianTestResource.connect();
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "update activity set last_session_starts_at = now() - interval '1 day' where id = '" + past + "'");
        }
        UUID venue = venue(community);
        String booking = given().auth()
                .oauth2(DevTokens.resident(leaving, community))
                .contentType(ContentType.JSON)
                .body("{\"residentId\":\"" + leaving + "\",\"startsAt\":\"" + at(4, 10) + "\",\"endsAt\":\"" + at(4, 11)
                        + "\"}")
                .when()
                .post("/api/v1/venues/" + venue + "/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        try (EventProbe events = EventProbe.on("bailian.activity.events")) {
            residentEvent("cn.bailian.resident.moved-out.v1", leaving, """
                    {"residentId":"%s","communityId":"%s","householdId":"%s","movedOutOn":"%s"}""".formatted(
                                    leaving, community, UUID.randomUUID(), LocalDate.now()))
                    .get();

            EventProbe.Received cancelled = events.await(
                    "cn.bailian.activity.enrollment.cancelled.v1",
                    r -> r.subject().equals(place));
            assertThat(cancelled.data().path("residentId").asText()).isEqualTo(leaving.toString());
            assertThat(cancelled.data().path("status").asText()).isEqualTo("CANCELLED");
            EventProbe.Received promoted = events.await(
                    "cn.bailian.activity.enrollment.promoted.v1",
                    r -> r.subject().equals(next));
            assertThat(promoted.data().path("residentId").asText())
                    .isEqualTo(people.get(1).toString());
            assertThat(promoted.data().path("status").asText()).isEqualTo("CONFIRMED");
        }
        assertThat(count("select count(*) from enrollment where id = '" + place + "' and cancel_reason = 'MOVED_OUT'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from enrollment where id = '" + next + "' and status = 'CONFIRMED'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from enrollment where id = '" + history + "' and status = 'CONFIRMED'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from venue_booking where id = '" + booking + "' and status = 'CANCELLED'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from resident where id = '" + leaving + "' and status = 'MOVED_OUT'"))
                .isEqualTo(1);

        // and they can no longer enrol
        enrol(DevTokens.staff(community), published(community, 5), leaving, null)
                .statusCode(422)
                .body("code", equalTo("RESIDENT_NOT_ELIGIBLE"));
    }

    @Test
    void aRedeliveredMoveOutIsAppliedOnce() throws Exception {
        UUID community = UUID.randomUUID();
        List<UUID> people = adults(community, 2);
        UUID activity = published(community, 1);
        enrol(DevTokens.resident(people.get(0), community), activity, people.get(0), null)
                .statusCode(201);
        String eventId = UUID.randomUUID().toString();
        String event = "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/bailian/resident-service\","
                + "\"type\":\"cn.bailian.resident.moved-out.v1\",\"subject\":\"" + people.get(0)
                + "\",\"time\":\"2026-11-27T08:00:00Z\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"residentId\":\"" + people.get(0)
                + "\",\"communityId\":\""
                + community + "\",\"movedOutOn\":\"2026-11-27\"}}";
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(java.util.Map.of(
                "bootstrap.servers", BailianTestResource.broker().bootstrapServers(),
                "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class,
                "value.serializer", org.apache.kafka.common.serialization.StringSerializer.class))) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                            "bailian.resident.events", people.get(0).toString(), event))
                    .get();
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                            "bailian.resident.events", people.get(0).toString(), event))
                    .get();
        }
        awaitCount("select count(*) from processed_event where event_id = '" + eventId + "'", 1);
        awaitCount(
                "select count(*) from enrollment where activity_id = '" + activity
                        + "' and cancel_reason = 'MOVED_OUT'",
                1);
        assertThat(count("select count(*) from processed_event where event_id = '" + eventId + "'"))
                .isEqualTo(1);
    }
}
