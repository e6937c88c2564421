package cn.bailian.kit.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.bailian.kit.sample.PublicNoteResource;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.TestDb;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

/** The public cache on the sample application, on the real stack: hits, invalidation by writes, variants, 304, TTL. */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class PublicCacheFilterTest {

    @Inject
    PublicCache cache;

    @Test
    void theSecondIdenticalReadIsAHitWithTheSameBytesAndETag() {
        String prefix = prefix();
        create(prefix + "a");
        Response first = read(prefix, "application/json", "zh-CN");
        int computed = PublicNoteResource.COMPUTED.get();
        Response second = read(prefix, "application/json", "zh-CN");

        assertThat(first.header("X-Cache")).isEqualTo("MISS");
        assertThat(second.header("X-Cache")).isEqualTo("HIT");
        assertThat(PublicNoteResource.COMPUTED.get()).isEqualTo(computed);
        assertThat(second.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag")).matches("\"[0-9a-f]{32}\"");
        assertThat(second.header("Cache-Control"))
                .isEqualTo(first.header("Cache-Control"))
                .isEqualTo("public, no-cache");
        assertThat(second.contentType()).startsWith("application/json");
        assertThat(second.header("Content-Language")).isEqualTo("zh-CN");
        assertThat(second.header("Vary")).isEqualTo("Accept, Accept-Language");
    }

    @Test
    void aWriteThroughTheApplicationShowsOnTheNextRead() {
        String prefix = prefix();
        create(prefix + "a");
        read(prefix, "application/json", "zh-CN");
        assertThat(read(prefix, "application/json", "zh-CN").header("X-Cache")).isEqualTo("HIT");

        create(prefix + "b");
        Response after = read(prefix, "application/json", "zh-CN");
        assertThat(after.header("X-Cache")).isEqualTo("MISS");
        assertThat(after.jsonPath().getList("texts")).containsExactly(prefix + "a", prefix + "b");
    }

    @Test
    void acceptAndAcceptLanguageAreSeparateEntries() {
        String prefix = prefix();
        create(prefix + "a");
        Response json = read(prefix, "application/json", "zh-CN");
        Response csv = read(prefix, "text/csv", "zh-CN");
        Response english = read(prefix, "application/json", "en");
        assertThat(csv.header("X-Cache")).isEqualTo("MISS");
        assertThat(english.header("X-Cache")).isEqualTo("MISS");

        Response csvAgain = read(prefix, "text/csv", "zh-CN");
        assertThat(csvAgain.header("X-Cache")).isEqualTo("HIT");
        assertThat(csvAgain.contentType()).startsWith("text/csv");
        assertThat(csvAgain.header("Content-Disposition")).isEqualTo("attachment; filename=\"notes.csv\"");
        assertThat(csvAgain.asString()).isEqualTo(prefix + "a\n").isEqualTo(csv.asString());
        Response englishAgain = read(prefix, "application/json", "en");
        assertThat(englishAgain.header("X-Cache")).isEqualTo("HIT");
        assertThat(englishAgain.header("Content-Language")).isEqualTo("en");
        assertThat(englishAgain.jsonPath().getString("language")).isEqualTo("en");
        assertThat(read(prefix, "application/json", "zh-CN").jsonPath().getString("language"))
                .isEqualTo("zh-CN");
        assertThat(json.header("ETag")).isNotEqualTo(csv.header("ETag")).isNotEqualTo(english.header("ETag"));
    }

    @Test
    void aMatchingIfNoneMatchIsAnswered304WithoutABody() {
        String prefix = prefix();
        create(prefix + "a");
        String etag = read(prefix, "application/json", "zh-CN").header("ETag");
        Response notModified = given().accept("application/json")
                .header("Accept-Language", "zh-CN")
                .header("If-None-Match", "\"other\", " + etag)
                .queryParam("prefix", prefix)
                .when()
                .get("/api/v1/public-notes");
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.asByteArray()).isEmpty();
        assertThat(notModified.header("ETag")).isEqualTo(etag);
        Response changed = given().accept("application/json")
                .header("Accept-Language", "zh-CN")
                .header("If-None-Match", "\"other\"")
                .queryParam("prefix", prefix)
                .when()
                .get("/api/v1/public-notes");
        assertThat(changed.statusCode()).isEqualTo(200);
    }

    @Test
    void errorsAreNeverStored() {
        UUID missing = UUID.randomUUID();
        int before = PublicNoteResource.COMPUTED.get();
        for (int i = 0; i < 2; i++) {
            Response r = given().accept("application/json").when().get("/api/v1/public-notes/" + missing);
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.header("X-Cache")).isNull();
            assertThat(r.header("Cache-Control")).isNull();
        }
        assertThat(PublicNoteResource.COMPUTED.get()).isEqualTo(before + 2);
    }

    @Test
    void aBadTokenReadsTheSameEntryAsNone() {
        String prefix = prefix();
        create(prefix + "a");
        Response anonymous = read(prefix, "application/json", "zh-CN");
        Response badToken = given().accept("application/json")
                .header("Accept-Language", "zh-CN")
                .header("Authorization", "Bearer not-a-token")
                .queryParam("prefix", prefix)
                .when()
                .get("/api/v1/public-notes");
        assertThat(badToken.statusCode()).isEqualTo(200);
        assertThat(badToken.asByteArray()).isEqualTo(anonymous.asByteArray());
    }

    @Test
    void aChangeTheInstanceDidNotSeeShowsOnceTheTtlHasPassed() throws Exception {
        String prefix = prefix();
        create(prefix + "a");
        long generation = cache.generation();
        read(prefix, "application/json", "zh-CN");
        // raw SQL past Hibernate, as another replica's write would be: this instance does not know of it
        TestDb.execute("insert into note (id, text) values (?, ?)", UUID.randomUUID(), prefix + "b");
        Response stale = read(prefix, "application/json", "zh-CN");
        assertThat(cache.generation()).as("no write committed meanwhile").isEqualTo(generation);
        assertThat(stale.header("X-Cache")).isEqualTo("HIT");
        assertThat(stale.jsonPath().getList("texts")).containsExactly(prefix + "a");

        Thread.sleep(2_100);
        Response fresh = read(prefix, "application/json", "zh-CN");
        assertThat(fresh.header("X-Cache")).isEqualTo("MISS");
        assertThat(fresh.jsonPath().getList("texts")).containsExactly(prefix + "a", prefix + "b");
    }

    @Test
    void invalidateAllIsTheHookForRawWritesInTests() {
        String prefix = prefix();
        create(prefix + "a");
        read(prefix, "application/json", "zh-CN");
        TestDb.execute("insert into note (id, text) values (?, ?)", UUID.randomUUID(), prefix + "b");
        cache.invalidateAll();
        assertThat(read(prefix, "application/json", "zh-CN").jsonPath().getList("texts"))
                .hasSize(2);
    }

    private static String prefix() {
        return "cache-" + UUID.randomUUID() + "-";
    }

    /** Through the API, and waits until the consumer has applied its event (a write that empties the cache too). */
    private static void create(String text) {
        String id = given().contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\",\"priority\":1}")
                .when()
                .post("/api/v1/notes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestDb.count("select count(*) from note_applied where note_id = ?", id) == 1);
    }

    private static Response read(String prefix, String accept, String language) {
        Response r = given().accept(accept)
                .header("Accept-Language", language)
                .queryParam("prefix", prefix)
                .when()
                .get("/api/v1/public-notes");
        assertThat(r.statusCode()).isEqualTo(200);
        return r;
    }
}
