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

/** The public activity list comes from the public cache, and an enrolment shows on the next read. */
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
        Response second = given().get(path);
        assertThat(first.header("X-Cache")).isEqualTo("MISS");
        assertThat(second.header("X-Cache")).isEqualTo("HIT");
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
        given().header("Accept-Language", "en").get(path).then().statusCode(200);
        assertThat(given().header("Accept-Language", "zh-CN").get(path).header("X-Cache"))
                .isEqualTo("MISS");
        assertThat(given().header("Accept-Language", "en").get(path).header("X-Cache"))
                .isEqualTo("HIT");

        for (String language : new String[] {"en", "en"}) {
            Response bad = given().header("Accept-Language", language).get("/api/v1/activities?age=-1");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.header("X-Cache")).isNull();
        }
    }
}
