package cn.bailian.system;

import static cn.bailian.system.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The steps the system tests (here and in sub-packages) are made of, each one HTTP call (or a wait for an event to land). */
public final class Steps {

    public static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private Steps() {}

    /** farm, activity and fund each learned the resident from resident-service's events. */
    public static void awaitKnownEverywhere(Api.Neighbourhood place, UUID resident) {
        await().atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> as(place.staffToken(), "farm-service")
                        .get("/api/v1/residents/" + resident + "/eligibility")
                        .then()
                        .statusCode(200)
                        .body("eligible", equalTo(true)));
        awaitKnownToActivityAndFund(resident);
    }

    /** activity and fund show their projections of residents through no API of their own: look at their rows. */
    public static void awaitKnownToActivityAndFund(UUID resident) {
        await().atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Platform.get()
                                        .connectAndCount(
                                                "activity-service",
                                                "select count(*) from resident where id = cast(? as uuid)",
                                                resident)
                                == 1
                        && Platform.get()
                                        .connectAndCount(
                                                "fund-service",
                                                "select count(*) from known_resident where resident_id = cast(? as uuid)",
                                                resident)
                                == 1);
    }

    public static UUID createFarm(Api.Neighbourhood place) {
        return id(as(place.staffToken(), "farm-service")
                .body(Map.of("communityId", place.communityId(), "name", "屋顶生态农场", "location", "党群服务中心楼顶"))
                .post("/api/v1/farms")
                .then()
                .statusCode(201));
    }

    public static UUID createPlot(Api.Neighbourhood place, UUID farm, String code, int row) {
        return id(as(place.staffToken(), "farm-service")
                .body(Map.of("code", code, "areaM2", 6.5, "gridRow", row, "gridColumn", 0))
                .post("/api/v1/farms/" + farm + "/plots")
                .then()
                .statusCode(201));
    }

    public static UUID createVenue(Api.Neighbourhood place) {
        List<Map<String, String>> hours = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.add(Map.of("dayOfWeek", day, "opens", "00:00", "closes", "00:00"));
        }
        return id(as(place.staffToken(), "activity-service")
                .body(Map.of(
                        "communityId",
                        place.communityId(),
                        "name",
                        "儿童之家活动室",
                        "kind",
                        "ROOM",
                        "capacity",
                        30,
                        "openingHours",
                        hours))
                .post("/api/v1/venues")
                .then()
                .statusCode(201));
    }

    public static UUID publishedActivity(Api.Neighbourhood place, UUID venue, int capacity, OffsetDateTime startsAt) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("communityId", place.communityId());
        body.put("title", "农场种植");
        body.put("category", "FARMING");
        body.put("model", "PUBLIC_WELFARE");
        body.put("capacity", capacity);
        body.put("parentChild", false);
        body.put("enrollmentOpensAt", now.minusHours(1).toString());
        body.put(
                "enrollmentClosesAt",
                startsAt.minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString());
        UUID activity = id(as(place.staffToken(), "activity-service")
                .body(body)
                .post("/api/v1/activities")
                .then()
                .statusCode(201));
        OffsetDateTime start = startsAt.truncatedTo(ChronoUnit.SECONDS);
        as(place.staffToken(), "activity-service")
                .body(Map.of(
                        "startsAt",
                        start.toString(),
                        "endsAt",
                        start.plusHours(1).toString(),
                        "venueId",
                        venue))
                .post("/api/v1/activities/" + activity + "/sessions")
                .then()
                .statusCode(201);
        as(place.staffToken(), "activity-service")
                .post("/api/v1/activities/" + activity + "/publish")
                .then()
                .statusCode(200);
        return activity;
    }

    public static UUID createFund(Api.Neighbourhood place) {
        return id(as(place.staffToken(), "fund-service")
                .body(Map.of("communityId", place.communityId(), "name", "白莲社区发展治理共享基金", "kind", "COMMUNITY"))
                .post("/api/v1/funds")
                .then()
                .statusCode(201));
    }

    public static void donate(
            Api.Neighbourhood place, UUID fund, UUID resident, long amountFen, String reference, UUID project) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("donorKind", "RESIDENT");
        body.put("donorId", resident);
        body.put("displayName", "居民");
        body.put("anonymous", false);
        body.put("amountFen", amountFen);
        body.put("channel", "WECHAT_PAY");
        body.put("paymentReference", reference);
        if (project != null) {
            body.put("projectId", project);
        }
        as(place.staffToken(), "fund-service")
                .body(body)
                .post("/api/v1/funds/" + fund + "/donations")
                .then()
                .statusCode(201);
    }

    public static UUID id(io.restassured.response.ValidatableResponse response) {
        return UUID.fromString(response.extract().path("id"));
    }
}
