package cn.bailian.activity.activity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bailian.activity.Fixtures;
import cn.bailian.testkit.BailianTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.UUID;

/**
 * The public activity list comes from the public cache, and an enrolment shows on the next read. Any write of the
 * service empties the public cache, the events other tests' registrations still deliver too: a read that should hit
 * and misses is read again (a MISS there means an emptying in between); the test fails when no HIT comes.
 */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class ActivityListCacheTest {

    @Test
    void anEnrolmentShowsOnTheNextReadOfTheCachedList() {
        UUID community = UUID.randomUUID();
        UUID activity = Fixtures.published(community, 5);
        UUID resident = Fixtures.adult(community);
        String path = "/api/v1/activities?communityId=" + community + "&age=30&size=20";

        Response first = given().get(path);
        assertThat(first.header("X-Cache")).isEqualTo("MISS");
        Response second = cachedRead(() -> given().get(path));
        assertThat(second.asString()).isEqualTo(first.asString());
        assertThat(second.<Integer>path("items[0].placesLeft")).isEqualTo(5);
        given().header("If-None-Match", second.header("ETag")).get(path).then().statusCode(304);

        Fixtures.enrol(Fixtures.staff(community), activity, resident, null).statusCode(201);
        Response after = given().get(path);
        assertThat(after.header("X-Cache")).isEqualTo("MISS");
        assertThat(after.<Integer>path("items[0].confirmedCount")).isEqualTo(1);
        assertThat(after.<Integer>path("items[0].placesLeft")).isEqualTo(4);
    }

    @Test
    void languagesAreSeparateEntriesAndBadQueriesAreNotKept() {
        UUID community = UUID.randomUUID();
        Fixtures.published(community, 5);
        String path = "/api/v1/activities?communityId=" + community;
        boolean separate = false;
        for (int attempt = 0; attempt < 10 && !separate; attempt++) {
            cachedRead(() -> given().header("Accept-Language", "en").get(path)); // the English entry is kept
            // a Chinese read never gets the English entry
            assertThat(given().header("Accept-Language", "zh-CN").get(path).header("X-Cache"))
                    .isEqualTo("MISS");
            // and did not replace it (unless a write emptied the cache meanwhile: then once more)
            separate = "HIT"
                    .equals(given().header("Accept-Language", "en").get(path).header("X-Cache"));
        }
        assertThat(separate).as("the English entry survives a Chinese read").isTrue();

        for (String language : new String[] {"en", "en"}) {
            Response bad = given().header("Accept-Language", language).get("/api/v1/activities?age=-1");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.header("X-Cache")).isNull();
        }
    }

    /** A read that the cache answers: the first HIT of up to ten tries, each MISS being an emptying in between. */
    private static Response cachedRead(java.util.function.Supplier<Response> read) {
        Response response = read.get();
        for (int attempt = 0; attempt < 10 && !"HIT".equals(response.header("X-Cache")); attempt++) {
            response = read.get();
        }
        assertThat(response.header("X-Cache")).isEqualTo("HIT");
        return response;
    }
}
