package cn.bailian.kit.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.bailian.testkit.BailianTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class IdempotencyTest {

    @Test
    void sameKeyAndBodyReplaysTheFirstAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = "idem-" + key;
        Response first = post(key, text, 1);
        Response second = post(key, text, 1);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(notes(text)).isEqualTo(1);
    }

    @Test
    void theContractDocumentsTheHeaderOnEveryCreatingPost() {
        // NoteResource.create declares no header parameter: @Idempotent and the kit's filter document it.
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/notes'.post.parameters.find { it.name == 'Idempotency-Key' }.in",
                        equalTo("header"));
    }

    @Test
    void sameKeyWithAnotherBodyIs422AndChangesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        post(key, "first-" + key, 1);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body("{\"text\":\"second-" + key + "\",\"priority\":1}")
                .when()
                .post("/api/v1/notes")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(notes("second-" + key)).isZero();
    }

    @Test
    void failedRequestDoesNotConsumeTheKey() throws Exception {
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body("{\"text\":\"x\",\"priority\":99}")
                .when()
                .post("/api/v1/notes")
                .then()
                .statusCode(400);
        assertThat(post(key, "retry-" + key, 1).statusCode()).isEqualTo(201);
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneNote() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = "race-" + key;
        int n = 20;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return post(key, text, 1);
            }));
        }
        start.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            assertThat(response.statusCode()).isEqualTo(201);
            ids.add(response.path("id"));
        }
        pool.shutdown();
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(notes(text)).isEqualTo(1);
    }

    @Test
    void keysAreCheckedForShape() {
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "x".repeat(300))
                .body("{\"text\":\"k\",\"priority\":1}")
                .when()
                .post("/api/v1/notes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    private static Response post(String key, String text, int priority) {
        return given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body("{\"text\":\"" + text + "\",\"priority\":" + priority + "}")
                .when()
                .post("/api/v1/notes");
    }

    private static long notes(String text) throws Exception {
        try (Connection c = BailianTestResource.connect();
                PreparedStatement s = c.prepareStatement("select count(*) from note where text = ?")) {
            s.setString(1, text);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
