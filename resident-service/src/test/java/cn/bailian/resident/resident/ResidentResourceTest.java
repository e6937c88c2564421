package cn.bailian.resident.resident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import cn.bailian.resident.Fixtures;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class ResidentResourceTest {

    static EventProbe events;

    @BeforeAll
    static void probe() {
        events = EventProbe.on("bailian.resident.events");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void registerPublishesAMaskedStateAndAnswersMasked() {
        Fixtures f = Fixtures.community();
        Map<String, Object> body = f.person("胡小明", LocalDate.of(1985, 3, 7), "SELF");
        String phone = (String) body.get("phone");
        Response created = f.register(body)
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/residents/"))
                .body("name", equalTo("胡小明"))
                .body("phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
                .body("masked", equalTo(true))
                .body("status", equalTo("ACTIVE"))
                .body("compoundId", equalTo(f.compoundId.toString()))
                .extract()
                .response();
        String id = created.path("id");
        var event = events.await(ResidentEvents.REGISTERED, e -> e.subject().equals(id));
        assertThat(event.key()).isEqualTo(id);
        assertThat(event.data().path("displayName").asText()).isEqualTo("胡*");
        assertThat(event.data().path("communityId").asText()).isEqualTo(f.communityId.toString());
        assertThat(event.data().path("householdId").asText()).isEqualTo(f.householdId.toString());
        assertThat(event.data().path("compoundId").asText()).isEqualTo(f.compoundId.toString());
        assertThat(event.data().path("birthDate").asText()).isEqualTo("1985-03-07");
        assertThat(event.data().path("residencyType").asText()).isEqualTo("PERMANENT");
        assertThat(event.data().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(event.data().has("phone")).isFalse();
        assertThat(event.data().has("idNumber")).isFalse();
        assertThat(event.raw()).doesNotContain(phone).doesNotContain((String) body.get("idNumber"));
    }

    @Test
    void piiIsEncryptedAtRestAndWholeOnlyForSelfAndStaff() throws Exception {
        Fixtures f = Fixtures.community();
        Map<String, Object> body = f.person("胡小明", LocalDate.of(1985, 3, 7), "SELF");
        String phone = (String) body.get("phone");
        String idNumber = (String) body.get("idNumber");
        UUID head = f.registerOk(body);
        UUID spouse = f.registerOk(f.person("李芳", LocalDate.of(1986, 5, 1), "SPOUSE"));
        try (Connection db = BailianTestResource.connect();
                PreparedStatement st = db.prepareStatement("select * from resident where id = ?")) {
            st.setObject(1, head);
            ResultSet row = st.executeQuery();
            assertThat(row.next()).isTrue();
            for (int c = 1; c <= row.getMetaData().getColumnCount(); c++) {
                String value = row.getString(c);
                if (value != null) {
                    assertThat(value)
                            .as(row.getMetaData().getColumnName(c))
                            .doesNotContain(phone)
                            .doesNotContain(idNumber);
                }
            }
            assertThat(row.getString("phone_last4")).isEqualTo(phone.substring(7));
        }
        String maskedPhone = phone.substring(0, 3) + "****" + phone.substring(7);
        String maskedId = idNumber.substring(0, 4) + "**********" + idNumber.substring(14);
        // the resident themselves, staff of the community and admin: whole
        for (String token : List.of(DevTokens.resident(head, f.communityId), f.staff, DevTokens.admin())) {
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/residents/" + head)
                    .then()
                    .statusCode(200)
                    .header("ETag", notNullValue())
                    .body("phone", equalTo(phone))
                    .body("idNumber", equalTo(idNumber))
                    .body("masked", equalTo(false));
        }
        // another member of the household, and a service: masked
        given().auth()
                .oauth2(DevTokens.resident(spouse, f.communityId))
                .get("/api/v1/residents/" + head)
                .then()
                .statusCode(200)
                .body("name", equalTo("胡小明"))
                .body("phone", equalTo(maskedPhone))
                .body("idNumber", equalTo(maskedId));
        given().auth()
                .oauth2(DevTokens.service("farm-service"))
                .get("/api/v1/residents/" + head)
                .then()
                .statusCode(200)
                .body("name", equalTo("胡*"))
                .body("phone", equalTo(maskedPhone))
                .body("idNumber", equalTo(maskedId));
        // staff of another community, a resident of another household, nobody: refused
        given().auth()
                .oauth2(DevTokens.staff(UUID.randomUUID()))
                .get("/api/v1/residents/" + head)
                .then()
                .statusCode(403);
        Fixtures other = Fixtures.community();
        UUID stranger = other.adult("王五", "SELF");
        given().auth()
                .oauth2(DevTokens.resident(stranger, other.communityId))
                .get("/api/v1/residents/" + head)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
        given().get("/api/v1/residents/" + head).then().statusCode(401);
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/residents/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("RESIDENT_NOT_FOUND"));
    }

    @Test
    void idNumberAndPhoneAreValidated() {
        Fixtures f = Fixtures.community();
        Map<String, Object> badCheck = f.person("赵六", LocalDate.of(1990, 1, 2), "SELF");
        String id = (String) badCheck.get("idNumber");
        badCheck.put("idNumber", id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0'));
        f.register(badCheck)
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("idNumber"))
                .body("errors[0].code", equalTo("IdNumberCheckDigit"));

        Map<String, Object> otherBirthday = f.person("赵六", LocalDate.of(1990, 1, 2), "SELF");
        otherBirthday.put("idNumber", Fixtures.idNumber(LocalDate.of(1991, 1, 2)));
        f.register(otherBirthday).statusCode(400).body("errors[0].code", equalTo("IdNumberBirthDateMismatch"));

        Map<String, Object> badPhone = f.person("赵六", LocalDate.of(1990, 1, 2), "SELF");
        badPhone.put("phone", "12812345678");
        f.register(badPhone)
                .statusCode(400)
                .body("errors[0].field", equalTo("phone"))
                .body("errors[0].code", equalTo("Pattern"));

        Map<String, Object> noId = f.person("赵六", LocalDate.of(1990, 1, 2), "SELF");
        noId.remove("idNumber");
        f.register(noId).statusCode(201).body("idNumber", nullValue());
    }

    @Test
    void sameIdNumberTwiceInACommunityIsRefusedButTwinsAreNot() {
        Fixtures f = Fixtures.community();
        Map<String, Object> first = f.person("胡大", LocalDate.of(2015, 6, 1), "CHILD");
        f.registerOk(first);
        Map<String, Object> again = f.person("胡大", LocalDate.of(2015, 6, 1), "CHILD");
        again.put("idNumber", ((String) first.get("idNumber")).toLowerCase());
        f.register(again).statusCode(409).body("code", equalTo("DUPLICATE_ID_NUMBER"));
        // another community may register the same person
        Fixtures other = Fixtures.community();
        Map<String, Object> elsewhere = other.person("胡大", LocalDate.of(2015, 6, 1), "CHILD");
        elsewhere.put("idNumber", first.get("idNumber"));
        other.register(elsewhere).statusCode(201);
        // twins: same household and birthday, different ID numbers (or none) are two residents
        Map<String, Object> twin = f.person("胡二", LocalDate.of(2015, 6, 1), "CHILD");
        f.register(twin).statusCode(201);
        Map<String, Object> twinWithoutId = f.person("胡二", LocalDate.of(2015, 6, 1), "CHILD");
        twinWithoutId.remove("idNumber");
        f.register(twinWithoutId).statusCode(201);
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/households/" + f.householdId)
                .then()
                .statusCode(200)
                .body("members", hasSize(3));
    }

    @Test
    void oneHeadPerHousehold() {
        Fixtures f = Fixtures.community();
        UUID head = f.adult("胡小明", "SELF");
        f.register(f.person("胡小红", LocalDate.of(1980, 1, 1), "SELF"))
                .statusCode(409)
                .body("code", equalTo("HOUSEHOLD_HEAD_EXISTS"));
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/households/" + f.householdId)
                .then()
                .statusCode(200)
                .body("headId", equalTo(head.toString()));
    }

    @Test
    void onlyStaffOfTheCommunityRegister() {
        Fixtures f = Fixtures.community();
        Map<String, Object> body = f.person("胡小明", LocalDate.of(1985, 3, 7), "SELF");
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/residents")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(DevTokens.staff(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/residents")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), f.communityId))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/residents")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/residents")
                .then()
                .statusCode(201);
        Map<String, Object> nowhere = f.person("胡小明", LocalDate.of(1985, 3, 7), "CHILD");
        nowhere.put("householdId", UUID.randomUUID());
        f.register(nowhere).statusCode(422).body("code", equalTo("HOUSEHOLD_NOT_FOUND"));
    }

    @Test
    void idempotencyKeyReplaysTheRegistration() {
        Fixtures f = Fixtures.community();
        Map<String, Object> body = f.person("胡小明", LocalDate.of(1985, 3, 7), "SELF");
        String key = UUID.randomUUID().toString();
        String first = given().auth()
                .oauth2(f.staff)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/residents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(f.staff)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/residents")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/residents?communityId=" + f.communityId)
                .then()
                .body("total", equalTo(1));
    }

    @Test
    void searchByNamePrefixAndPhoneSuffix() {
        Fixtures f = Fixtures.community();
        Map<String, Object> hu = f.person("胡小明", LocalDate.of(1985, 3, 7), "SELF");
        hu.put("phone", "13800005678");
        f.registerOk(hu);
        Map<String, Object> li = f.person("李芳", LocalDate.of(1986, 3, 7), "SPOUSE");
        li.put("phone", "13800001234");
        li.put("residencyType", "FLOATING");
        f.registerOk(li);
        f.registerOk(f.person("胡大", LocalDate.of(2015, 6, 1), "CHILD"));
        String url = "/api/v1/residents?communityId=" + f.communityId;
        given().auth()
                .oauth2(f.staff)
                .get(url + "&q=胡")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.name", contains("胡大", "胡小明"));
        given().auth()
                .oauth2(f.staff)
                .get(url + "&q=5678")
                .then()
                .body("items.name", contains("胡小明"))
                .body("items[0].phone", equalTo("13800005678"));
        given().auth()
                .oauth2(f.staff)
                .get(url + "&residencyType=FLOATING")
                .then()
                .body("items.name", contains("李芳"));
        given().auth().oauth2(f.staff).get(url + "&q=%25").then().body("total", equalTo(0));
        given().auth()
                .oauth2(f.staff)
                .get(url + "&size=2&page=1")
                .then()
                .body("items", hasSize(1))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("total", equalTo(3));
        given().auth()
                .oauth2(DevTokens.staff(UUID.randomUUID()))
                .get(url)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), f.communityId))
                .get(url)
                .then()
                .statusCode(403);
        given().get(url).then().statusCode(401);
    }

    /**
     * The search pages in code-point order of the name (collation "C", the order of the index resident_community_name_c),
     * whatever the server's locale; each item carries its compound and guardians as GET /residents/{id} does.
     */
    @Test
    void searchPagesInCodePointOrderWithCompoundAndGuardians() {
        Fixtures f = Fixtures.community();
        UUID mother = f.adult("胡b", "SELF");
        f.adult("胡Z", "SPOUSE");
        f.adult("胡a", "PARENT");
        UUID child = f.registerOk(f.person("胡A", LocalDate.now().minusYears(6), "CHILD"));
        f.adult("胡_", "OTHER");
        given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("guardianId", mother, "relation", "MOTHER"))
                .post("/api/v1/residents/" + child + "/guardians")
                .then()
                .statusCode(201);
        String url = "/api/v1/residents?communityId=" + f.communityId + "&q=胡";
        given().auth()
                .oauth2(f.staff)
                .get(url + "&size=3")
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("items.name", contains("胡A", "胡Z", "胡_"))
                .body("items[0].guardians.guardianId", contains(mother.toString()))
                .body("items[1].guardians", hasSize(0))
                .body("items.compoundId", everyItem(equalTo(f.compoundId.toString())));
        given().auth()
                .oauth2(f.staff)
                .get(url + "&size=3&page=1")
                .then()
                .body("items.name", contains("胡a", "胡b"))
                .body("total", equalTo(5));
        given().auth()
                .oauth2(f.staff)
                .get(url + "&size=3&page=2")
                .then()
                .body("items", hasSize(0))
                .body("total", equalTo(5));
        given().auth()
                .oauth2(f.staff)
                .get(url + "_")
                .then()
                .body("items.name", contains("胡_"))
                .body("total", equalTo(1));
    }

    @Test
    void patchNeedsIfMatchAndAResidentMayChangeOnlyTheirPhone() {
        Fixtures f = Fixtures.community();
        UUID id = f.adult("胡小明", "SELF");
        String url = "/api/v1/residents/" + id;
        String etag = given().auth().oauth2(f.staff).get(url).then().extract().header("ETag");
        given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("residencyType", "FLOATING"))
                .patch(url)
                .then()
                .statusCode(428)
                .body("code", equalTo("IF_MATCH_REQUIRED"));
        String next = given().auth()
                .oauth2(f.staff)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of("residencyType", "FLOATING", "name", "胡晓明"))
                .patch(url)
                .then()
                .statusCode(200)
                .body("residencyType", equalTo("FLOATING"))
                .body("name", equalTo("胡晓明"))
                .extract()
                .header("ETag");
        assertThat(next).isNotEqualTo(etag);
        given().auth()
                .oauth2(f.staff)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "胡"))
                .patch(url)
                .then()
                .statusCode(412)
                .body("code", equalTo("VERSION_MISMATCH"));
        events.await(
                ResidentEvents.UPDATED,
                e -> e.subject().equals(id.toString())
                        && e.data().path("residencyType").asText().equals("FLOATING")
                        && e.data().path("displayName").asText().equals("胡*"));

        String me = DevTokens.resident(id, f.communityId);
        String newPhone = Fixtures.phone();
        next = given().auth()
                .oauth2(me)
                .header("If-Match", next)
                .contentType(ContentType.JSON)
                .body(Map.of("phone", newPhone))
                .patch(url)
                .then()
                .statusCode(200)
                .body("phone", equalTo(newPhone))
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(me)
                .header("If-Match", next)
                .contentType(ContentType.JSON)
                .body(Map.of("residencyType", "PERMANENT"))
                .patch(url)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.staff(UUID.randomUUID()))
                .header("If-Match", next)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "X"))
                .patch(url)
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(f.staff)
                .get(url + "/audit")
                .then()
                .statusCode(200)
                .body("action", contains("REGISTERED", "UPDATED", "UPDATED"))
                .body("[1].fields", containsInAnyOrder("name", "residencyType"))
                .body("[2].fields", contains("phone"))
                .body("[2].actor", equalTo("resident-" + id));
        given().auth().oauth2(me).get(url + "/audit").then().statusCode(403);
    }

    @Test
    void moveOutKeepsHistoryAndPublishesTwoEvents() throws Exception {
        Fixtures f = Fixtures.community();
        UUID id = f.adult("胡小明", "SELF");
        String url = "/api/v1/residents/" + id;
        given().auth()
                .oauth2(DevTokens.resident(id, f.communityId))
                .contentType(ContentType.JSON)
                .body(Map.of("date", "2026-10-31"))
                .post(url + "/move-out")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("date", "2026-10-31", "destination", "武侯区"))
                .post(url + "/move-out")
                .then()
                .statusCode(200)
                .body("status", equalTo("MOVED_OUT"))
                .body("movedOutOn", equalTo("2026-10-31"))
                .body("moveOutDestination", equalTo("武侯区"));
        given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("date", "2026-11-01"))
                .post(url + "/move-out")
                .then()
                .statusCode(409)
                .body("code", equalTo("RESIDENT_MOVED_OUT"));
        var movedOut = events.await(ResidentEvents.MOVED_OUT, e -> e.subject().equals(id.toString()));
        assertThat(movedOut.data().path("movedOutOn").asText()).isEqualTo("2026-10-31");
        assertThat(movedOut.data().path("householdId").asText()).isEqualTo(f.householdId.toString());
        events.await(
                ResidentEvents.UPDATED,
                e -> e.subject().equals(id.toString())
                        && e.data().path("status").asText().equals("MOVED_OUT"));
        // still readable; no longer changeable; the household may name a new head
        String etag = given().auth()
                .oauth2(f.staff)
                .get(url)
                .then()
                .statusCode(200)
                .body("status", equalTo("MOVED_OUT"))
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(f.staff)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "X"))
                .patch(url)
                .then()
                .statusCode(409)
                .body("code", equalTo("RESIDENT_MOVED_OUT"));
        f.adult("胡小红", "SELF");
        try (Connection db = BailianTestResource.connect();
                PreparedStatement st = db.prepareStatement("select count(*) from resident where id = ?")) {
            st.setObject(1, id);
            ResultSet rs = st.executeQuery();
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/residents?status=MOVED_OUT&communityId=" + f.communityId)
                .then()
                .body("items.id", contains(id.toString()));
    }

    @Test
    void guardiansAreAdultsOfTheCommunityForChildren() {
        Fixtures f = Fixtures.community();
        UUID mother = f.adult("李芳", "SELF");
        UUID child = f.registerOk(f.person("胡大", LocalDate.now().minusYears(6), "CHILD"));
        UUID teen = f.registerOk(f.person("胡二", LocalDate.now().minusYears(16), "CHILD"));
        String url = "/api/v1/residents/" + child + "/guardians";
        // the mother names herself guardian of her own household's child
        given().auth()
                .oauth2(DevTokens.resident(mother, f.communityId))
                .contentType(ContentType.JSON)
                .body(Map.of("guardianId", mother, "relation", "MOTHER"))
                .post(url)
                .then()
                .statusCode(201)
                .body("childId", equalTo(child.toString()))
                .body("relation", equalTo("MOTHER"));
        events.await(
                ResidentEvents.GUARDIAN_LINKED,
                e -> e.subject().equals(child.toString())
                        && e.data().path("guardianId").asText().equals(mother.toString())
                        && e.data().path("relation").asText().equals("MOTHER"));
        given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("guardianId", mother, "relation", "MOTHER"))
                .post(url)
                .then()
                .statusCode(409)
                .body("code", equalTo("GUARDIAN_ALREADY_LINKED"));
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/residents/" + child)
                .then()
                .body("guardians.guardianId", contains(mother.toString()));
        // a teenager cannot be a guardian, an adult cannot have one
        given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("guardianId", teen, "relation", "OTHER"))
                .post(url)
                .then()
                .statusCode(422)
                .body("code", equalTo("GUARDIAN_NOT_ADULT"));
        given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("guardianId", child, "relation", "OTHER"))
                .post("/api/v1/residents/" + mother + "/guardians")
                .then()
                .statusCode(422)
                .body("code", equalTo("GUARDIAN_CHILD_NOT_MINOR"));
        // someone of another household may not name themselves guardian; nor may staff of another community
        Fixtures other = Fixtures.community();
        UUID stranger = other.adult("王五", "SELF");
        given().auth()
                .oauth2(DevTokens.resident(stranger, other.communityId))
                .contentType(ContentType.JSON)
                .body(Map.of("guardianId", stranger, "relation", "OTHER"))
                .post("/api/v1/residents/" + teen + "/guardians")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(other.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("guardianId", mother, "relation", "MOTHER"))
                .post("/api/v1/residents/" + teen + "/guardians")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("guardianId", stranger, "relation", "OTHER"))
                .post("/api/v1/residents/" + teen + "/guardians")
                .then()
                .statusCode(422)
                .body("code", equalTo("GUARDIAN_OTHER_COMMUNITY"));
        // the guardian may read the child
        given().auth()
                .oauth2(DevTokens.resident(mother, f.communityId))
                .get("/api/v1/residents/" + child)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(f.staff)
                .get("/api/v1/residents/" + child + "/audit")
                .then()
                .body("action", hasItem("GUARDIAN_LINKED"));
    }

    @Test
    void householdShowsMembersWithMaskingPerCaller() {
        Fixtures f = Fixtures.community();
        Map<String, Object> headBody = f.person("胡小明", LocalDate.of(1985, 3, 7), "SELF");
        UUID head = f.registerOk(headBody);
        Map<String, Object> spouseBody = f.person("李芳", LocalDate.of(1986, 3, 7), "SPOUSE");
        UUID spouse = f.registerOk(spouseBody);
        String url = "/api/v1/households/" + f.householdId;
        given().auth()
                .oauth2(DevTokens.resident(spouse, f.communityId))
                .get(url)
                .then()
                .statusCode(200)
                .body("headId", equalTo(head.toString()))
                .body("members.find { it.id == '" + spouse + "' }.phone", equalTo(spouseBody.get("phone")))
                .body("members.find { it.id == '" + head + "' }.masked", equalTo(true));
        given().auth()
                .oauth2(f.staff)
                .get(url)
                .then()
                .statusCode(200)
                .body("members.find { it.id == '" + head + "' }.phone", equalTo(headBody.get("phone")));
        Fixtures other = Fixtures.community();
        UUID stranger = other.adult("王五", "SELF");
        given().auth()
                .oauth2(DevTokens.resident(stranger, other.communityId))
                .get(url)
                .then()
                .statusCode(403);
        given().auth().oauth2(other.staff).get(url).then().statusCode(403);
        given().get(url).then().statusCode(401);
    }
}
