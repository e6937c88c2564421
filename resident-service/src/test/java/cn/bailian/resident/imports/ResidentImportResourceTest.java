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
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class ResidentImportResourceTest {

    static final String HEADER = "name,gender,birthDate,phone,idNumber,residencyType,householdId,relationToHead\n";

    static String row(
            String name,
            String gender,
            LocalDate birth,
            String phone,
            String id,
            String type,
            Object household,
            String relation) {
        return String.join(
                        ",",
                        name,
                        gender,
                        birth == null ? "" : birth.toString(),
                        phone,
                        id == null ? "" : id,
                        type,
                        String.valueOf(household),
                        relation)
                + "\n";
    }

    @Test
    void aValidFileRegistersEveryoneAndPublishesEach() {
        Fixtures f = Fixtures.community();
        LocalDate b1 = LocalDate.of(1980, 2, 3);
        LocalDate b2 = LocalDate.of(1982, 4, 5);
        String csv = "\uFEFF" + HEADER
                + row("胡小明", "MALE", b1, Fixtures.phone(), Fixtures.idNumber(b1), "PERMANENT", f.householdId, "SELF")
                + row("\"李,芳\"", "FEMALE", b2, Fixtures.phone(), null, "FLOATING", f.householdId, "SPOUSE")
                + row(
                        "胡大",
                        "MALE",
                        LocalDate.of(2016, 1, 1),
                        Fixtures.phone(),
                        null,
                        "PERMANENT",
                        f.householdId,
                        "CHILD");
        try (EventProbe probe = EventProbe.on("bailian.resident.events")) {
            List<String> ids = given().auth()
                    .oauth2(f.staff)
                    .contentType("text/csv; charset=UTF-8")
                    .body(csv)
                    .post("/api/v1/residents/import")
                    .then()
                    .statusCode(201)
                    .body("imported", equalTo(3))
                    .body("residentIds", hasSize(3))
                    .extract()
                    .path("residentIds");
            for (String id : ids) {
                probe.await(
                        "cn.bailian.resident.registered.v1", e -> e.subject().equals(id));
            }
        }
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/residents?communityId=" + f.communityId)
                .then()
                .body("total", equalTo(3))
                .body("items.name", hasItems("胡小明", "李,芳", "胡大"));
    }

    @Test
    void anyErrorRejectsTheWholeFileWithARowReport() {
        Fixtures f = Fixtures.community();
        LocalDate b1 = LocalDate.of(1980, 2, 3);
        String existing = Fixtures.idNumber(b1);
        var taken = f.person("已登记", b1, "OTHER");
        taken.put("idNumber", existing);
        f.registerOk(taken);
        String dup = Fixtures.idNumber(LocalDate.of(1990, 1, 1));
        String badCheck = Fixtures.idNumber(b1);
        badCheck = badCheck.substring(0, 17) + (badCheck.charAt(17) == '1' ? '2' : '1');
        String csv = HEADER
                + row("胡小明", "MALE", b1, Fixtures.phone(), null, "PERMANENT", f.householdId, "SELF") // row 2 ok
                + row("李芳", "FEMALE", b1, "12345", null, "PERMANENT", f.householdId, "SPOUSE") // row 3 phone
                + row(
                        "胡大",
                        "MALE",
                        b1,
                        Fixtures.phone(),
                        badCheck,
                        "PERMANENT",
                        f.householdId,
                        "CHILD") // row 4 idNumber
                + row(
                        "胡二",
                        "UNKNOWN",
                        LocalDate.of(1990, 1, 1),
                        Fixtures.phone(),
                        dup,
                        "PERMANENT",
                        f.householdId,
                        "CHILD") // row 5 gender
                + row(
                        "胡三",
                        "MALE",
                        LocalDate.of(1990, 1, 1),
                        Fixtures.phone(),
                        dup,
                        "PERMANENT",
                        f.householdId,
                        "CHILD") // row 6 ok
                + row(
                        "胡四",
                        "MALE",
                        LocalDate.of(1990, 1, 1),
                        Fixtures.phone(),
                        dup,
                        "PERMANENT",
                        f.householdId,
                        "CHILD") // row 7 dup in file
                + row(
                        "胡五",
                        "MALE",
                        b1,
                        Fixtures.phone(),
                        existing,
                        "PERMANENT",
                        f.householdId,
                        "CHILD") // row 8 in register
                + row(
                        "胡六",
                        "MALE",
                        b1,
                        Fixtures.phone(),
                        null,
                        "PERMANENT",
                        UUID.randomUUID(),
                        "CHILD") // row 9 household
                + row(
                        "胡七",
                        "MALE",
                        b1,
                        Fixtures.phone(),
                        null,
                        "PERMANENT",
                        f.householdId,
                        "SELF") // row 10 second head
                + "胡八,MALE\n"; // row 11 columns
        given().auth()
                .oauth2(f.staff)
                .contentType("text/csv")
                .header("Accept-Language", "en")
                .body(csv)
                .post("/api/v1/residents/import")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("IMPORT_REJECTED"))
                .body(
                        "errors.field",
                        hasItems(
                                "row 3: phone",
                                "row 4: idNumber",
                                "row 5: gender",
                                "row 7: idNumber",
                                "row 8: idNumber",
                                "row 9: householdId",
                                "row 10: relationToHead",
                                "row 11"))
                .body("errors.find { it.field == 'row 7: idNumber' }.code", equalTo("DuplicateInFile"))
                .body("errors.find { it.field == 'row 8: idNumber' }.code", equalTo("DUPLICATE_ID_NUMBER"))
                .body("errors.find { it.field == 'row 4: idNumber' }.code", equalTo("IdNumberCheckDigit"))
                .body("errors.size()", equalTo(8));
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/residents?communityId=" + f.communityId)
                .then()
                .body("total", equalTo(1));
    }

    @Test
    void aRetriedImportWithTheSameKeyIsReplayedNotRepeated() {
        Fixtures f = Fixtures.community();
        String csv = HEADER
                + row(
                        "胡小明",
                        "MALE",
                        LocalDate.of(1980, 1, 1),
                        Fixtures.phone(),
                        null,
                        "PERMANENT",
                        f.householdId,
                        "SELF");
        String key = UUID.randomUUID().toString();
        List<String> first = given().auth()
                .oauth2(f.staff)
                .header("Idempotency-Key", key)
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/residents/import")
                .then()
                .statusCode(201)
                .extract()
                .path("residentIds");
        given().auth()
                .oauth2(f.staff)
                .header("Idempotency-Key", key)
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/residents/import")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("residentIds", equalTo(first));
        given().auth()
                .oauth2(f.staff)
                .header("Idempotency-Key", key)
                .contentType("text/csv")
                .body(csv + csv.substring(HEADER.length()))
                .post("/api/v1/residents/import")
                .then()
                .statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/residents?communityId=" + f.communityId)
                .then()
                .body("total", equalTo(1));
    }

    @Test
    void headerAndPermissionsAndMediaType() {
        Fixtures f = Fixtures.community();
        String csv = HEADER
                + row(
                        "胡小明",
                        "MALE",
                        LocalDate.of(1980, 1, 1),
                        Fixtures.phone(),
                        null,
                        "PERMANENT",
                        f.householdId,
                        "SELF");
        given().auth()
                .oauth2(f.staff)
                .contentType("text/csv")
                .body("name,phone\n胡,13812345678\n")
                .post("/api/v1/residents/import")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("row 1"));
        given().auth()
                .oauth2(DevTokens.staff(UUID.randomUUID()))
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/residents/import")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), f.communityId))
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/residents/import")
                .then()
                .statusCode(403);
        given().contentType("text/csv")
                .body(csv)
                .post("/api/v1/residents/import")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(f.staff)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/residents/import")
                .then()
                .statusCode(415);
        given().auth()
                .oauth2(f.staff)
                .contentType("text/csv")
                .body(HEADER + "x".repeat(300 * 1024))
                .post("/api/v1/residents/import")
                .then()
                .statusCode(413);
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/residents?communityId=" + f.communityId)
                .then()
                .body("total", equalTo(0));
    }
}
