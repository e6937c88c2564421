package cn.bailian.kit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class ProblemDetailsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void malformedJsonIsA400InChineseByDefault() {
        given().contentType(ContentType.JSON)
                .body("{\"text\": ")
                .when()
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("MALFORMED_JSON"))
                .body("status", equalTo(400))
                .body("type", equalTo("urn:bailian:problem:malformed-json"))
                .body("title", equalTo("请求体不是有效的 JSON"))
                .body("instance", equalTo("/api/v1/notes"))
                .body(not(containsString("Exception")));
    }

    @Test
    void malformedJsonInEnglish() {
        given().contentType(ContentType.JSON)
                .header("Accept-Language", "en-US,en;q=0.9")
                .body("{\"text\": ")
                .when()
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("MALFORMED_JSON"))
                .body("title", equalTo("Malformed JSON"));
    }

    @Test
    void wrongTypeNamesTheField() {
        given().contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body("{\"text\":\"a\",\"priority\":\"high\"}")
                .when()
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("priority"))
                .body("errors[0].code", equalTo("WrongType"));
    }

    @Test
    void wrongTypeInChinese() {
        given().contentType(ContentType.JSON)
                .body("{\"text\":\"a\",\"priority\":\"high\"}")
                .when()
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("title", equalTo("请求参数无效"))
                .body("errors[0].field", equalTo("priority"));
    }

    @Test
    void oversizedBodyInChinese() {
        String big = "{\"text\":\"" + "字".repeat(100 * 1024) + "\",\"priority\":1}";
        given().contentType(ContentType.JSON.withCharset("UTF-8"))
                .body(big)
                .when()
                .post("/api/v1/notes")
                .then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("title", equalTo("请求体过大"))
                .body("detail", equalTo("请求体不能超过 256 KiB。"));
    }

    @Test
    void fractionOfAnIntegerIsRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"text\":\"a\",\"priority\":1.5}")
                .when()
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("priority"));
    }

    @Test
    void unknownFieldIsRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"text\":\"a\",\"priority\":1,\"admin\":true}")
                .when()
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("admin"))
                .body("errors[0].code", equalTo("UnknownField"));
    }

    @Test
    void missingFieldsAreListedInBothLanguages() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("title", equalTo("请求参数无效"))
                .body("errors.field", hasItem("text"))
                .body("errors.field", hasItem("priority"))
                .body("errors.find { it.field == 'text' }.message", equalTo("不能为空"));
        given().contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body("{}")
                .when()
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .body("title", equalTo("Invalid request"))
                .body("errors.find { it.field == 'text' }.message", equalTo("must not be blank"));
    }

    @Test
    void missingBodyIsA400() {
        given().contentType(ContentType.JSON)
                .when()
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void oversizedBodyIsA413() {
        String big = "{\"text\":\"" + "x".repeat(300 * 1024) + "\",\"priority\":1}";
        given().contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body(big)
                .when()
                .post("/api/v1/notes")
                .then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("detail", containsString("256 KiB"));
    }

    @Test
    void wrongContentTypeIsA415() {
        given().contentType(ContentType.TEXT)
                .body("text=a")
                .when()
                .post("/api/v1/notes")
                .then()
                .statusCode(415)
                .contentType(PROBLEM)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void unknownPathAndMethod() {
        given().when()
                .get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("code", equalTo("NOT_FOUND"));
        given().when()
                .delete("/api/v1/notes")
                .then()
                .statusCode(405)
                .contentType(PROBLEM)
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
        given().when()
                .get("/api/v1/notes/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void serviceCodesComeFromTheServiceBundle() {
        given().when()
                .get("/api/v1/notes/empty/n-1")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("code", equalTo("NOTE_EMPTY"))
                .body("detail", equalTo("便条 n-1 没有内容。"));
        given().header("Accept-Language", "en")
                .when()
                .get("/api/v1/notes/empty/n-1")
                .then()
                .statusCode(422)
                .body("detail", equalTo("Note n-1 has no text."));
    }

    @Test
    void securityFailuresAreProblems() {
        given().when()
                .get("/api/v1/notes/staff-only")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("code", equalTo("UNAUTHENTICATED"))
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth()
                .oauth2("not-a-token")
                .when()
                .get("/api/v1/notes/staff-only")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("code", equalTo("UNAUTHENTICATED"));
        String expired = DevTokens.mint("s", Set.of("STAFF"), UUID.randomUUID(), null, Duration.ofMinutes(-10));
        given().auth()
                .oauth2(expired)
                .when()
                .get("/api/v1/notes/staff-only")
                .then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        given().auth()
                .oauth2(DevTokens.resident(UUID.randomUUID(), UUID.randomUUID()))
                .when()
                .get("/api/v1/notes/staff-only")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("code", equalTo("FORBIDDEN"));
        given().auth()
                .oauth2(DevTokens.staff(UUID.randomUUID()))
                .when()
                .get("/api/v1/notes/staff-only")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true));
    }

    @Test
    void aBadTokenOnAPublicReadCountsAsNone() {
        // found by the system tests' authorisation matrix: a public list that shows staff more answered 401 to an
        // expired token
        String expired = DevTokens.mint("s", Set.of("STAFF"), UUID.randomUUID(), null, Duration.ofMinutes(-10));
        given().auth()
                .oauth2(expired)
                .when()
                .get("/api/v1/notes/whoami")
                .then()
                .statusCode(200)
                .body("authenticated", equalTo(false));
        given().auth()
                .oauth2("not-a-token")
                .when()
                .get("/api/v1/notes/whoami")
                .then()
                .statusCode(200)
                .body("authenticated", equalTo(false));
        given().auth()
                .oauth2(DevTokens.staff(UUID.randomUUID()))
                .when()
                .get("/api/v1/notes/whoami")
                .then()
                .statusCode(200)
                .body("authenticated", equalTo(true));
        given().auth()
                .oauth2(expired)
                .when()
                .get("/api/v1/notes/whoami?require=true")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("code", equalTo("UNAUTHENTICATED"))
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void pagingParametersAreChecked() {
        given().when()
                .get("/api/v1/notes?size=101")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("size"));
        given().when().get("/api/v1/notes?page=abc").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().when()
                .get("/api/v1/notes?page=0&size=5")
                .then()
                .statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(5))
                .body("total", not(nullValue()));
    }

    @Test
    void openApiDocumentsErrorsAsProblems() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("components.schemas.Problem.properties.code.type", equalTo("string"))
                .body(
                        "paths.'/api/v1/notes'.post.responses.'400'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"));
    }
}
