package cn.bailian.resident;

import static io.restassured.RestAssured.given;

import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.IdNumbers;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds a community, compound and household through the API, and makes valid phone and ID numbers. */
public final class Fixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    public final UUID communityId;
    public final UUID compoundId;
    public final UUID householdId;
    public final String staff;

    private Fixtures(UUID communityId, UUID compoundId, UUID householdId) {
        this.communityId = communityId;
        this.compoundId = compoundId;
        this.householdId = householdId;
        this.staff = DevTokens.staff(communityId);
    }

    public static Fixtures community() {
        UUID community = UUID.fromString(given().auth()
                .oauth2(DevTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "百莲社区-" + UUID.randomUUID(), "district", "成华区"))
                .post("/api/v1/communities")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        String staff = DevTokens.staff(community);
        UUID compound = UUID.fromString(given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(Map.of("communityId", community, "name", "百莲小区", "type", "RESETTLEMENT"))
                .post("/api/v1/compounds")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        Fixtures f = new Fixtures(community, compound, null);
        return new Fixtures(community, compound, f.household());
    }

    public UUID household() {
        return household(compoundId);
    }

    public UUID household(UUID compound) {
        return UUID.fromString(given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "compoundId",
                        compound,
                        "building",
                        "3",
                        "unit",
                        "2",
                        "room",
                        Integer.toString(100 + SEQ.incrementAndGet())))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    /** A unique valid mainland mobile number. */
    public static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A valid ID-card number for this birth date (random area code and sequence). */
    public static String idNumber(LocalDate birthDate) {
        return IdNumbers.random(birthDate);
    }

    public Map<String, Object> person(String name, LocalDate birthDate, String relation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("gender", "MALE");
        body.put("birthDate", birthDate.toString());
        body.put("phone", phone());
        body.put("idNumber", idNumber(birthDate));
        body.put("residencyType", "PERMANENT");
        body.put("householdId", householdId);
        body.put("relationToHead", relation);
        return body;
    }

    public ValidatableResponse register(Map<String, Object> body) {
        return given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/residents")
                .then();
    }

    public UUID registerOk(Map<String, Object> body) {
        return UUID.fromString(register(body).statusCode(201).extract().path("id"));
    }

    public UUID adult(String name, String relation) {
        return registerOk(person(name, LocalDate.of(1985, 3, 7), relation));
    }
}
