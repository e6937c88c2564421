package cn.bailian.resident.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import cn.bailian.resident.Fixtures;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class HouseholdImportResourceTest {

    static final String HEADER = "compoundId,building,unit,room\n";

    static String row(Object compound, String building, String unit, String room) {
        return String.join(",", String.valueOf(compound), building, unit, room) + "\n";
    }

    static int households(Fixtures f) {
        return given().auth()
                .oauth2(f.staff)
                .get("/api/v1/households?compoundId=" + f.compoundId)
                .then()
                .statusCode(200)
                .extract()
                .path("total");
    }

    @Test
    void aValidFileRegistersEveryHouseholdAndPublishesEach() {
        Fixtures f = Fixtures.community();
        String csv = "\uFEFF" + HEADER + row(f.compoundId, "1", "1", "101") + row(f.compoundId, "\"1\"", "1", " 102 ")
                + row(f.compoundId, "2", "1", "101");
        try (EventProbe probe = EventProbe.on("bailian.resident.events")) {
            List<String> ids = given().auth()
                    .oauth2(f.staff)
                    .contentType("text/csv; charset=UTF-8")
                    .body(csv)
                    .post("/api/v1/households/import")
                    .then()
                    .statusCode(201)
                    .body("imported", equalTo(3))
                    .body("householdIds", hasSize(3))
                    .extract()
                    .path("householdIds");
            for (String id : ids) {
                probe.await(
                        "cn.bailian.resident.household.registered.v1",
                        e -> e.subject().equals(id)
                                && e.data().path("compoundId").asText().equals(f.compoundId.toString()));
            }
        }
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/households?compoundId=" + f.compoundId)
                .then()
                .body("total", equalTo(4))
                .body("items.room", hasItems("101", "102"));
    }

    @Test
    void anyBadRowRejectsTheWholeFileWithARowReportInChineseAndEnglish() {
        Fixtures f = Fixtures.community();
        UUID otherCompound = UUID.fromString(given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("communityId", f.communityId, "name", "西苑", "type", "COMMERCIAL"))
                .post("/api/v1/compounds")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        String taken = given().auth()
                .oauth2(f.staff)
                .get("/api/v1/households/" + f.householdId)
                .then()
                .extract()
                .path("room");
        String csv = HEADER
                + row(f.compoundId, "1", "1", "101") // row 2 ok
                + row("not-a-uuid", "1", "1", "102") // row 3 compoundId
                + row(f.compoundId, "", "1", "103") // row 4 building blank
                + row(f.compoundId, "1", "1", "x".repeat(21)) // row 5 room too long
                + row(f.compoundId, "1", "1", "101") // row 6 duplicate of row 2
                + row(f.compoundId, "3", "2", taken) // row 7 already registered
                + row(UUID.randomUUID(), "1", "1", "101") // row 8 no such compound
                + row(otherCompound, "1", "1", "101") // row 9 ok: another compound of the community
                + "1,2\n"; // row 10 columns
        int before = households(f);
        given().auth()
                .oauth2(f.staff)
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/households/import")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("HOUSEHOLD_IMPORT_REJECTED"))
                .body("title", equalTo("户导入被拒绝"))
                .body(
                        "errors.field",
                        hasItems(
                                "row 3: compoundId",
                                "row 4: building",
                                "row 5: room",
                                "row 6: room",
                                "row 7: room",
                                "row 8: compoundId",
                                "row 10"))
                .body("errors.size()", equalTo(7));
        given().auth()
                .oauth2(f.staff)
                .contentType("text/csv")
                .header("Accept-Language", "en")
                .body(csv)
                .post("/api/v1/households/import")
                .then()
                .statusCode(422)
                .body("title", equalTo("Household import rejected"))
                .body(
                        "detail",
                        equalTo(
                                "The file has 7 error(s); no household was imported. Fix the rows listed in errors and upload it again."))
                .body("errors.find { it.field == 'row 3: compoundId' }.code", equalTo("WrongType"))
                .body("errors.find { it.field == 'row 4: building' }.code", equalTo("NotBlank"))
                .body("errors.find { it.field == 'row 5: room' }.code", equalTo("Size"))
                .body("errors.find { it.field == 'row 6: room' }.code", equalTo("DuplicateInFile"))
                .body("errors.find { it.field == 'row 7: room' }.code", equalTo("HOUSEHOLD_ADDRESS_TAKEN"))
                .body("errors.find { it.field == 'row 8: compoundId' }.code", equalTo("COMPOUND_NOT_FOUND"));
        // nothing written: not row 2, not row 9
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/households?compoundId=" + f.compoundId)
                .then()
                .body("total", equalTo(before));
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/households?compoundId=" + otherCompound)
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void aRetriedImportWithTheSameKeyIsReplayedNotRepeated() {
        Fixtures f = Fixtures.community();
        String csv = HEADER + row(f.compoundId, "1", "1", "101");
        String key = UUID.randomUUID().toString();
        List<String> first = given().auth()
                .oauth2(f.staff)
                .header("Idempotency-Key", key)
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/households/import")
                .then()
                .statusCode(201)
                .extract()
                .path("householdIds");
        given().auth()
                .oauth2(f.staff)
                .header("Idempotency-Key", key)
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/households/import")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("householdIds", equalTo(first));
        given().auth()
                .oauth2(f.staff)
                .header("Idempotency-Key", key)
                .contentType("text/csv")
                .body(csv + row(f.compoundId, "1", "1", "102"))
                .post("/api/v1/households/import")
                .then()
                .statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        // without the key the same file is a second import, refused row by row: the address is taken
        given().auth()
                .oauth2(f.staff)
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/households/import")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("row 2: room"))
                .body("errors[0].code", equalTo("HOUSEHOLD_ADDRESS_TAKEN"));
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/households?compoundId=" + f.compoundId)
                .then()
                .body("total", equalTo(2));
    }

    @Test
    void headerPermissionsAndMediaType() {
        Fixtures f = Fixtures.community();
        Fixtures other = Fixtures.community();
        String csv = HEADER + row(f.compoundId, "1", "1", "101");
        given().auth()
                .oauth2(f.staff)
                .contentType("text/csv")
                .body("compound,room\nx,1\n")
                .post("/api/v1/households/import")
                .then()
                .statusCode(422)
                .body("code", equalTo("HOUSEHOLD_IMPORT_REJECTED"))
                .body("errors[0].field", equalTo("row 1"));
        given().auth()
                .oauth2(f.staff)
                .contentType("text/csv")
                .body(HEADER)
                .post("/api/v1/households/import")
                .then()
                .statusCode(422)
                .body("errors[0].code", equalTo("Empty"));
        // a compound of another community: the whole file is refused, as for the resident import
        given().auth()
                .oauth2(other.staff)
                .contentType("text/csv")
                .body(csv + row(other.compoundId, "1", "1", "101"))
                .post("/api/v1/households/import")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), f.communityId))
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/households/import")
                .then()
                .statusCode(403);
        given().contentType("text/csv")
                .body(csv)
                .post("/api/v1/households/import")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(f.staff)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/households/import")
                .then()
                .statusCode(415);
        given().auth()
                .oauth2(f.staff)
                .contentType("text/csv")
                .body(HEADER + "x".repeat(300 * 1024))
                .post("/api/v1/households/import")
                .then()
                .statusCode(413);
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/households?compoundId=" + f.compoundId)
                .then()
                .body("total", equalTo(1));
        given().auth()
                .oauth2(other.staff)
                .get("/api/v1/households?compoundId=" + other.compoundId)
                .then()
                .body("total", equalTo(1));
    }
}
