package cn.bailian.activity.booking;

import static cn.bailian.activity.Fixtures.adult;
import static cn.bailian.activity.Fixtures.adults;
import static cn.bailian.activity.Fixtures.at;
import static cn.bailian.activity.Fixtures.count;
import static cn.bailian.activity.Fixtures.staff;
import static cn.bailian.activity.Fixtures.venue;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import cn.bailian.activity.ActivityEvents;
import cn.bailian.activity.Fixtures;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class BookingResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    BookingService bookings;

    static ValidatableResponse book(
            String token, UUID venue, String holder, UUID holderId, OffsetDateTime start, OffsetDateTime end) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"" + holder + "\":\"" + holderId + "\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end
                        + "\",\"purpose\":\"楼栋议事会\",\"attendees\":8}")
                .when()
                .post("/api/v1/venues/" + venue + "/bookings")
                .then();
    }

    static ValidatableResponse book(
            UUID community, UUID resident, UUID venue, OffsetDateTime start, OffsetDateTime end) {
        return book(DevTokens.resident(resident, community), venue, "residentId", resident, start, end);
    }

    @Test
    void aResidentBooksAFreeSlotAndTheEventIsPublished() {
        UUID community = UUID.randomUUID();
        UUID me = adult(community);
        UUID venue = venue(community);
        try (EventProbe events = EventProbe.on("bailian.activity.events")) {
            String id = book(community, me, venue, at(3, 14), at(3, 16))
                    .statusCode(201)
                    .body("status", equalTo("BOOKED"))
                    .body("holderKind", equalTo("RESIDENT"))
                    .body("residentId", equalTo(me.toString()))
                    .extract()
                    .path("id");
            EventProbe.Received booked =
                    events.await(ActivityEvents.VENUE_BOOKED, r -> r.subject().equals(id));
            assertThat(booked.data().path("venueId").asText()).isEqualTo(venue.toString());
            assertThat(booked.data().path("residentId").asText()).isEqualTo(me.toString());
            assertThat(booked.data().path("communityId").asText()).isEqualTo(community.toString());
            assertThat(OffsetDateTime.parse(booked.data().path("startsAt").asText())
                            .toInstant())
                    .isEqualTo(at(3, 14).toInstant());
        }
    }

    @Test
    void overlappingBookingsAreRefusedAdjacentOnesAllowed() {
        UUID community = UUID.randomUUID();
        List<UUID> people = adults(community, 2);
        UUID venue = venue(community);
        book(community, people.get(0), venue, at(4, 14), at(4, 16)).statusCode(201);
        book(community, people.get(1), venue, at(4, 15), at(4, 17))
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("BOOKING_OVERLAP"));
        book(community, people.get(1), venue, at(4, 13), at(4, 18)).statusCode(409);
        book(community, people.get(1), venue, at(4, 16), at(4, 17)).statusCode(201);
        book(community, people.get(1), venue, at(4, 12), at(4, 14)).statusCode(201);
        // another venue at the same time is free
        book(community, people.get(1), venue(community), at(4, 14), at(4, 16)).statusCode(201);
    }

    @Test
    void aCancelledBookingFreesItsSlot() {
        UUID community = UUID.randomUUID();
        List<UUID> people = adults(community, 2);
        UUID venue = venue(community);
        String id = book(community, people.get(0), venue, at(5, 9), at(5, 11))
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(DevTokens.resident(people.get(1), community))
                .when()
                .post("/api/v1/bookings/" + id + "/cancel")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.resident(people.get(0), community))
                .when()
                .post("/api/v1/bookings/" + id + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        given().auth()
                .oauth2(staff(community))
                .when()
                .post("/api/v1/bookings/" + id + "/cancel")
                .then()
                .statusCode(409)
                .body("code", equalTo("BOOKING_NOT_ACTIVE"));
        book(community, people.get(1), venue, at(5, 9), at(5, 11)).statusCode(201);
    }

    @Test
    void bookingsMustFitOpeningHoursCapacityAndTheFuture() {
        UUID community = UUID.randomUUID();
        UUID me = adult(community);
        // open on weekdays 09:00–21:00 only
        StringBuilder hours = new StringBuilder("[");
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            hours.append(hours.length() > 1 ? "," : "")
                    .append("{\"dayOfWeek\":\"")
                    .append(day)
                    .append("\",\"opens\":\"09:00\",\"closes\":\"21:00\"}");
        }
        UUID venue = venue(community, "会议室", 10, hours.append("]").toString());
        int weekday = 1;
        while (at(weekday, 10).getDayOfWeek().getValue() > 5) {
            weekday++;
        }
        int weekend = 1;
        while (at(weekend, 10).getDayOfWeek().getValue() < 6) {
            weekend++;
        }
        book(community, me, venue, at(weekday, 8), at(weekday, 10))
                .statusCode(422)
                .contentType(PROBLEM)
                .body("code", equalTo("OUTSIDE_OPENING_HOURS"));
        book(community, me, venue, at(weekday, 20), at(weekday, 22))
                .statusCode(422)
                .body("code", equalTo("OUTSIDE_OPENING_HOURS"));
        book(community, me, venue, at(weekend, 10), at(weekend, 12))
                .statusCode(422)
                .body("code", equalTo("OUTSIDE_OPENING_HOURS"));
        book(community, me, venue, at(-1, 10), at(-1, 12)).statusCode(422).body("code", equalTo("BOOKING_IN_PAST"));
        book(community, me, venue, at(weekday, 12), at(weekday, 11))
                .statusCode(400)
                .body("errors[0].field", equalTo("endsAt"));
        given().auth()
                .oauth2(DevTokens.resident(me, community))
                .contentType(ContentType.JSON)
                .body("{\"residentId\":\"" + me + "\",\"startsAt\":\"" + at(weekday, 10) + "\",\"endsAt\":\""
                        + at(weekday, 11) + "\",\"attendees\":11}")
                .when()
                .post("/api/v1/venues/" + venue + "/bookings")
                .then()
                .statusCode(422)
                .body("code", equalTo("VENUE_CAPACITY_EXCEEDED"));
        book(community, me, venue, at(weekday, 9), at(weekday, 21)).statusCode(201);
    }

    @Test
    void whoMayBook() {
        UUID community = UUID.randomUUID();
        List<UUID> people = adults(community, 2);
        UUID outsider = adult(UUID.randomUUID());
        UUID venue = venue(community);
        UUID org = Fixtures.organization(community);
        book(DevTokens.resident(people.get(1), community), venue, "residentId", people.get(0), at(6, 9), at(6, 10))
                .statusCode(403)
                .contentType(PROBLEM);
        book(DevTokens.resident(outsider, community), venue, "residentId", outsider, at(6, 9), at(6, 10))
                .statusCode(422)
                .body("code", equalTo("RESIDENT_NOT_ELIGIBLE"));
        given().contentType(ContentType.JSON)
                .body("{\"residentId\":\"" + people.get(0) + "\",\"startsAt\":\"" + at(6, 9) + "\",\"endsAt\":\""
                        + at(6, 10) + "\"}")
                .when()
                .post("/api/v1/venues/" + venue + "/bookings")
                .then()
                .statusCode(401);
        // an organisation books through staff or its own account
        book(DevTokens.resident(people.get(0), community), venue, "organizationId", org, at(6, 9), at(6, 10))
                .statusCode(403);
        book(staff(community), venue, "organizationId", org, at(6, 9), at(6, 10))
                .statusCode(201)
                .body("holderKind", equalTo("ORGANIZATION"));
        book(Fixtures.providerToken(org), venue, "organizationId", org, at(6, 10), at(6, 11))
                .statusCode(201);
        book(staff(community), venue, "organizationId", UUID.randomUUID(), at(6, 11), at(6, 12))
                .statusCode(422)
                .body("code", equalTo("ORGANIZATION_NOT_FOUND"));
        given().auth()
                .oauth2(staff(community))
                .contentType(ContentType.JSON)
                .body("{\"residentId\":\"" + people.get(0) + "\",\"organizationId\":\"" + org + "\",\"startsAt\":\""
                        + at(6, 12) + "\",\"endsAt\":\"" + at(6, 13) + "\"}")
                .when()
                .post("/api/v1/venues/" + venue + "/bookings")
                .then()
                .statusCode(400);
        book(staff(community), UUID.randomUUID(), "residentId", people.get(0), at(6, 12), at(6, 13))
                .statusCode(404)
                .body("code", equalTo("VENUE_NOT_FOUND"));
    }

    @Test
    void parallelBookingsOfOneSlotLeaveExactlyOneBooking() throws Exception {
        UUID community = UUID.randomUUID();
        List<UUID> people = adults(community, 30);
        UUID venue = venue(community);
        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ValidatableResponse>> answers = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            UUID resident = people.get(i);
            // overlapping but not identical slots: 14:00–16:00, 14:30–16:30, 15:00–17:00, …
            OffsetDateTime from = at(7, 14).plusMinutes(30L * (i % 3));
            answers.add(pool.submit(() -> {
                start.await();
                return book(community, resident, venue, from, from.plusHours(2));
            }));
        }
        start.countDown();
        int created = 0;
        for (Future<ValidatableResponse> answer : answers) {
            ValidatableResponse response = answer.get(120, TimeUnit.SECONDS);
            int status = response.extract().statusCode();
            assertThat(status).isIn(201, 409);
            if (status == 201) {
                created++;
            } else {
                response.body("code", equalTo("BOOKING_OVERLAP"));
            }
        }
        pool.shutdown();
        assertThat(created).isEqualTo(1);
        assertThat(count("select count(*) from venue_booking where venue_id = '" + venue + "' and status = 'BOOKED'"))
                .isEqualTo(1);
    }

    @Test
    void checkInOpensShortlyBeforeTheStart() {
        UUID community = UUID.randomUUID();
        List<UUID> people = adults(community, 2);
        UUID venue = venue(community);
        OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5).truncatedTo(ChronoUnit.SECONDS);
        String near = book(community, people.get(0), venue, soon, soon.plusHours(1))
                .statusCode(201)
                .extract()
                .path("id");
        String later = book(community, people.get(0), venue, at(8, 10), at(8, 11))
                .statusCode(201)
                .extract()
                .path("id");
        String token = DevTokens.resident(people.get(0), community);

        given().auth()
                .oauth2(token)
                .when()
                .post("/api/v1/bookings/" + later + "/check-in")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("code", equalTo("CHECK_IN_NOT_OPEN"));
        given().auth()
                .oauth2(DevTokens.resident(people.get(1), community))
                .when()
                .post("/api/v1/bookings/" + near + "/check-in")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token)
                .when()
                .post("/api/v1/bookings/" + near + "/check-in")
                .then()
                .statusCode(200)
                .body("status", equalTo("CHECKED_IN"))
                .body("checkedInAt", notNullValue());
        given().auth()
                .oauth2(token)
                .when()
                .post("/api/v1/bookings/" + near + "/check-in")
                .then()
                .statusCode(409)
                .body("code", equalTo("BOOKING_NOT_ACTIVE"));
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/bookings/" + near)
                .then()
                .statusCode(200)
                .body("status", equalTo("CHECKED_IN"));
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/bookings/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("BOOKING_NOT_FOUND"));
    }

    @Test
    void aBookingNobodyChecksInToIsReleasedFifteenMinutesAfterItsStart() {
        UUID community = UUID.randomUUID();
        List<UUID> people = adults(community, 2);
        UUID venue = venue(community);
        OffsetDateTime start = at(9, 10);
        String noShow = book(community, people.get(0), venue, start, start.plusHours(1))
                .statusCode(201)
                .extract()
                .path("id");
        String laterToday = book(community, people.get(0), venue, start.plusHours(2), start.plusHours(3))
                .statusCode(201)
                .extract()
                .path("id");

        // fourteen minutes in: still held
        bookings.releaseNoShows(start.plusMinutes(14).toInstant());
        given().auth()
                .oauth2(staff(community))
                .when()
                .get("/api/v1/bookings/" + noShow)
                .then()
                .body("status", equalTo("BOOKED"));
        // fifteen minutes in: released, the later booking untouched
        assertThat(bookings.releaseNoShows(start.plusMinutes(15).toInstant())).isGreaterThanOrEqualTo(1);
        given().auth()
                .oauth2(staff(community))
                .when()
                .get("/api/v1/bookings/" + noShow)
                .then()
                .body("status", equalTo("RELEASED"))
                .body("closedAt", notNullValue());
        given().auth()
                .oauth2(staff(community))
                .when()
                .get("/api/v1/bookings/" + laterToday)
                .then()
                .body("status", equalTo("BOOKED"));
        // and the slot is free again for someone else
        book(community, people.get(1), venue, start.plusMinutes(30), start.plusHours(1))
                .statusCode(201);
    }

    @Test
    void anyoneSeesTheTakenSlotsButNotWhoTookThem() {
        UUID community = UUID.randomUUID();
        UUID me = adult(community);
        UUID venue = venue(community);
        book(community, me, venue, at(10, 14), at(10, 16)).statusCode(201);
        book(community, me, venue, at(10, 9), at(10, 10)).statusCode(201);
        String cancelled = book(community, me, venue, at(10, 18), at(10, 19))
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(DevTokens.resident(me, community))
                .when()
                .post("/api/v1/bookings/" + cancelled + "/cancel")
                .then()
                .statusCode(200);
        book(community, me, venue, at(12, 9), at(12, 10)).statusCode(201);
        String day = at(10, 0).toLocalDate().toString();
        given().queryParam("from", day)
                .queryParam("to", day)
                .when()
                .get("/api/v1/venues/" + venue + "/bookings")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].holderKind", equalTo("RESIDENT"))
                .body("items[0].residentId", org.hamcrest.Matchers.nullValue())
                .body("items[1].startsAt", org.hamcrest.Matchers.notNullValue());
        given().queryParam("from", day)
                .queryParam("to", at(60, 0).toLocalDate().toString())
                .when()
                .get("/api/v1/venues/" + venue + "/bookings")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("to"));
    }
}
