package cn.bailian.farm;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventFeed;
import cn.bailian.testkit.Race;
import cn.bailian.testkit.TestDb;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/** Builds the world a farm test needs: residents fed in through Kafka, farms and plots through the API. */
public final class Fixtures {

    public static final String RESIDENT_TOPIC = "bailian.resident.events";
    public static final String FARM_TOPIC = "bailian.farm.events";

    private Fixtures() {}

    public record Resident(UUID id, UUID householdId, UUID communityId) {
        public String token() {
            return DevTokens.resident(id, communityId);
        }
    }

    /** A CloudEvent as resident-service publishes it. */
    public static String residentEvent(String type, UUID subject, OffsetDateTime time, String dataJson) {
        return EventFeed.cloudEvent(type, "/bailian/resident-service", subject, time, dataJson);
    }

    public static void send(UUID key, String event) {
        try {
            EventFeed.send(RESIDENT_TOPIC, key.toString(), event).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String residentState(
            UUID residentId, UUID communityId, UUID householdId, String name, String status) {
        return """
                {"residentId":"%s","communityId":"%s","householdId":"%s","compoundId":"%s","displayName":"%s",\
                "gender":"FEMALE","birthDate":"1980-05-01","residencyType":"PERMANENT","status":"%s"}""".formatted(residentId, communityId, householdId, UUID.randomUUID(), name, status);
    }

    public static void publishRegistered(Resident r, String name, OffsetDateTime time) {
        send(
                r.id(),
                residentEvent(
                        "cn.bailian.resident.registered.v1",
                        r.id(),
                        time,
                        residentState(r.id(), r.communityId(), r.householdId(), name, "ACTIVE")));
    }

    public static void publishMovedOut(Resident r, OffsetDateTime time) {
        send(r.id(), residentEvent("cn.bailian.resident.moved-out.v1", r.id(), time, """
                {"residentId":"%s","communityId":"%s","householdId":"%s","movedOutOn":"%s"}""".formatted(
                        r.id(), r.communityId(), r.householdId(), time.toLocalDate())));
    }

    /** Registers residents (each in a household of their own unless one is given) and waits until the projection has them. */
    public static List<Resident> residents(UUID communityId, int count) {
        List<Resident> residents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            residents.add(new Resident(UUID.randomUUID(), UUID.randomUUID(), communityId));
        }
        register(residents);
        return residents;
    }

    public static Resident resident(UUID communityId) {
        return residents(communityId, 1).get(0);
    }

    public static Resident resident(UUID communityId, UUID householdId) {
        Resident r = new Resident(UUID.randomUUID(), householdId, communityId);
        register(List.of(r));
        return r;
    }

    public static void register(List<Resident> residents) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Resident r : residents) {
            EventFeed.send(
                    RESIDENT_TOPIC,
                    r.id().toString(),
                    residentEvent(
                            "cn.bailian.resident.registered.v1",
                            r.id(),
                            now,
                            residentState(r.id(), r.communityId(), r.householdId(), "胡小明", "ACTIVE")));
        }
        for (Resident r : residents) {
            awaitStatus(r.id(), "ACTIVE");
        }
    }

    public static void awaitStatus(UUID residentId, String status) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> status.equals(
                        queryString("select status from resident_projection where resident_id = ?", residentId)));
    }

    public static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    public static UUID farm(UUID communityId) {
        String id = as(DevTokens.staff(communityId))
                .body(Map.of("communityId", communityId, "name", "屋顶农场 " + UUID.randomUUID(), "location", "楼顶"))
                .post("/api/v1/farms")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    public static UUID plot(UUID farmId, UUID communityId, String code, int row, int column) {
        String id = as(DevTokens.staff(communityId))
                .body(Map.of("code", code, "areaM2", 6.5, "gridRow", row, "gridColumn", column))
                .post("/api/v1/farms/" + farmId + "/plots")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    public static UUID claim(UUID plotId, Resident r) {
        String id = as(r.token())
                .body(Map.of("residentId", r.id()))
                .post("/api/v1/plots/" + plotId + "/claims")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    public static UUID join(UUID farmId, Resident r) {
        String id = as(r.token())
                .body(Map.of("residentId", r.id()))
                .post("/api/v1/farms/" + farmId + "/waitlist")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    /** Fires the calls together, one thread each, and returns their results in order. */
    public static <T> List<T> race(List<Callable<T>> calls) throws Exception {
        return Race.run(calls);
    }

    /** The plot's status as stored. */
    public static String plotStatus(UUID plotId) {
        return queryString("select status from plot where id = ?", plotId);
    }

    public static String queryString(String sql, Object... args) {
        return TestDb.queryString(sql, args);
    }

    public static long count(String sql, Object... args) {
        return TestDb.count(sql, args);
    }

    public static void execute(String sql, Object... args) {
        TestDb.execute(sql, args);
    }
}
