package cn.bailian.resident.resident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bailian.resident.Fixtures;
import cn.bailian.testkit.BailianTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** The database decides the races: many requests at once, then the rows are counted. */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class ResidentConcurrencyTest {

    private static final int PARALLEL = 8;

    static List<Integer> race(IntFunction<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(n);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    static int count(String sql, Object arg) throws Exception {
        try (Connection db = BailianTestResource.connect();
                PreparedStatement st = db.prepareStatement(sql)) {
            st.setObject(1, arg);
            ResultSet rs = st.executeQuery();
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void theSameIdNumberRegisteredAtOnceIsStoredOnce() throws Exception {
        Fixtures f = Fixtures.community();
        String idNumber = Fixtures.idNumber(LocalDate.of(1970, 8, 8));
        List<Integer> statuses = race(n -> {
            Map<String, Object> body = f.person("胡" + n, LocalDate.of(1970, 8, 8), "OTHER");
            body.put("idNumber", idNumber);
            return given().auth()
                    .oauth2(f.staff)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/residents")
                    .statusCode();
        });
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(count("select count(*) from resident where community_id = ?", f.communityId))
                .isEqualTo(1);
    }

    @Test
    void concurrentHeadsOfOneHouseholdLeaveOne() throws Exception {
        Fixtures f = Fixtures.community();
        List<Integer> statuses = race(n -> given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(f.person("胡" + n, LocalDate.of(1970, 8, 8), "SELF"))
                .post("/api/v1/residents")
                .statusCode());
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(count(
                        "select count(*) from resident where household_id = ? and relation_to_head = 'SELF'",
                        f.householdId))
                .isEqualTo(1);
    }

    @Test
    void concurrentUpdatesWithOneEtagLetOneWin() throws Exception {
        Fixtures f = Fixtures.community();
        UUID id = f.adult("胡小明", "SELF");
        String etag = given().auth()
                .oauth2(f.staff)
                .get("/api/v1/residents/" + id)
                .then()
                .extract()
                .header("ETag");
        List<Integer> statuses = race(n -> given().auth()
                .oauth2(f.staff)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "胡" + n))
                .patch("/api/v1/residents/" + id)
                .statusCode());
        assertThat(statuses).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
        assertThat(count("select version from resident where id = ?", id)).isEqualTo(1);
        assertThat(count("select count(*) from audit_entry where entity_id = ? and action = 'UPDATED'", id))
                .isEqualTo(1);
    }

    @Test
    void concurrentMoveOutsRecordOne() throws Exception {
        Fixtures f = Fixtures.community();
        UUID id = f.adult("胡小明", "SELF");
        List<Integer> statuses = race(n -> given().auth()
                .oauth2(f.staff)
                .contentType(ContentType.JSON)
                .body(Map.of("date", LocalDate.now().minusDays(n).toString()))
                .post("/api/v1/residents/" + id + "/move-out")
                .statusCode());
        assertThat(statuses).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        assertThat(count("select count(*) from audit_entry where entity_id = ? and action = 'MOVED_OUT'", id))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from outbox_event where aggregate_id = cast(? as text) and event_type = 'cn.bailian.resident.moved-out.v1'",
                        id.toString()))
                .isEqualTo(1);
    }
}
