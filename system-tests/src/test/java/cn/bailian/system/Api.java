package cn.bailian.system;

import static io.restassured.RestAssured.given;

import cn.bailian.testkit.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

/** HTTP only: how the system tests talk to the running services. */
public final class Api {

    static {
        // a failing step shows the request and the problem the service answered
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {}

    public static RequestSpecification as(String token, String service) {
        return given().baseUri(Platform.get().url(service))
                .contentType(ContentType.JSON)
                .auth()
                .oauth2(token);
    }

    public static RequestSpecification anonymous(String service) {
        return given().baseUri(Platform.get().url(service)).contentType(ContentType.JSON);
    }

    /** A community with one compound and one household, registered through resident-service. */
    public record Neighbourhood(UUID communityId, UUID compoundId, UUID householdId, String staffToken) {

        public UUID newHousehold(String room) {
            return UUID.fromString(as(staffToken, "resident-service")
                    .body(Map.of("compoundId", compoundId, "building", "1", "unit", "1", "room", room))
                    .post("/api/v1/households")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }

        /** Registers an adult (unique phone) in the given household; returns the resident id. */
        public UUID register(UUID household, String name, String phone, String relationToHead) {
            return UUID.fromString(as(staffToken, "resident-service")
                    .body(Map.of(
                            "name",
                            name,
                            "gender",
                            "FEMALE",
                            "birthDate",
                            "1986-04-12",
                            "phone",
                            phone,
                            "residencyType",
                            "PERMANENT",
                            "householdId",
                            household,
                            "relationToHead",
                            relationToHead))
                    .post("/api/v1/residents")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
    }

    public static Neighbourhood neighbourhood(String name) {
        UUID community = UUID.fromString(as(DevTokens.admin(), "resident-service")
                .body(Map.of("name", name, "district", "成华区"))
                .post("/api/v1/communities")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        String staff = DevTokens.staff(community);
        UUID compound = UUID.fromString(as(staff, "resident-service")
                .body(Map.of("communityId", community, "name", "白莲小区", "type", "RESETTLEMENT"))
                .post("/api/v1/compounds")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        UUID household = UUID.fromString(as(staff, "resident-service")
                .body(Map.of("compoundId", compound, "building", "3", "unit", "2", "room", "501"))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        return new Neighbourhood(community, compound, household, staff);
    }
}
