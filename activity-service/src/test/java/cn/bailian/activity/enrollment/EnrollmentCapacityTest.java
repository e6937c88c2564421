package cn.bailian.activity.enrollment;

import static cn.bailian.activity.Fixtures.adults;
import static cn.bailian.activity.Fixtures.count;
import static cn.bailian.activity.Fixtures.enrol;
import static cn.bailian.activity.Fixtures.published;
import static cn.bailian.activity.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class EnrollmentCapacityTest {

    @Test
    void threeHundredParallelEnrollmentsIntoTwentyPlacesConfirmExactlyTwentyAndQueueTheRestInArrivalOrder()
            throws Exception {
        UUID community = UUID.randomUUID();
        List<UUID> residents = adults(community, 300);
        UUID activity = published(community, 20);

        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (UUID resident : residents) {
            String token = DevTokens.resident(resident, community);
            answers.add(pool.submit(() -> {
                start.await();
                return enrol(token, activity, resident, null).extract().statusCode();
            }));
        }
        start.countDown();
        for (Future<Integer> answer : answers) {
            assertThat(answer.get(120, TimeUnit.SECONDS)).isEqualTo(201);
        }
        pool.shutdown();

        String of = " from enrollment where activity_id = '" + activity + "'";
        assertThat(count("select count(*)" + of + " and status = 'CONFIRMED'")).isEqualTo(20);
        assertThat(count("select count(*)" + of + " and status = 'WAITLISTED'")).isEqualTo(280);
        // positions 1..280 without gaps or repeats
        assertThat(count("select count(distinct waitlist_position)" + of + " and status = 'WAITLISTED'"))
                .isEqualTo(280);
        assertThat(count("select min(waitlist_position)" + of + " and status = 'WAITLISTED'"))
                .isEqualTo(1);
        assertThat(count("select max(waitlist_position)" + of + " and status = 'WAITLISTED'"))
                .isEqualTo(280);
        // arrival order: every confirmed place was taken before anyone was queued, and the queue is in time order
        assertThat(count("select count(*)" + of + " and status = 'CONFIRMED' and enrolled_at > (select min(enrolled_at)"
                        + of + " and status = 'WAITLISTED')"))
                .isZero();
        List<List<Object>> queue =
                rows("select enrolled_at" + of + " and status = 'WAITLISTED' order by waitlist_position");
        for (int i = 1; i < queue.size(); i++) {
            assertThat((java.sql.Timestamp) queue.get(i).get(0))
                    .isAfterOrEqualTo((java.sql.Timestamp) queue.get(i - 1).get(0));
        }
        // the counters the database keeps agree with the rows
        assertThat(count("select confirmed_count from activity where id = '" + activity + "'"))
                .isEqualTo(20);
        assertThat(count("select waitlisted_count from activity where id = '" + activity + "'"))
                .isEqualTo(280);
        assertThat(count("select count(distinct check_in_code)" + of + " and status = 'CONFIRMED'"))
                .isEqualTo(20);
    }

    @Test
    void theDatabaseRefusesAConfirmationBeyondCapacityWhateverTheApplicationDoes() throws Exception {
        UUID community = UUID.randomUUID();
        List<UUID> residents = adults(community, 2);
        UUID activity = published(community, 1);
        enrol(DevTokens.resident(residents.get(0), community), activity, residents.get(0), null)
                .statusCode(201);
        enrol(DevTokens.resident(residents.get(1), community), activity, residents.get(1), null)
                .statusCode(201);

        try (Connection c = BailianTestResource.connect();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() ->
                            s.executeUpdate("update enrollment set status = 'CONFIRMED', check_in_code = 'ZZZZZZZZ', "
                                    + "confirmed_at = now() where activity_id = '" + activity
                                    + "' and status = 'WAITLISTED'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("activity_capacity");
        }
        assertThat(count("select count(*) from enrollment where activity_id = '" + activity
                        + "' and status = 'CONFIRMED'"))
                .isEqualTo(1);
    }

    @Test
    void parallelCancellationsPromoteTheWaitlistHeadsInOrderAndNeverOverfill() throws Exception {
        UUID community = UUID.randomUUID();
        List<UUID> residents = adults(community, 15);
        UUID activity = published(community, 5);
        List<String> enrollments = new ArrayList<>();
        for (UUID resident : residents) {
            enrollments.add(enrol(DevTokens.resident(resident, community), activity, resident, null)
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String token = DevTokens.resident(residents.get(i), community);
            String id = enrollments.get(i);
            answers.add(pool.submit(() -> {
                start.await();
                return io.restassured.RestAssured.given()
                        .auth()
                        .oauth2(token)
                        .when()
                        .post("/api/v1/enrollments/" + id + "/cancel")
                        .then()
                        .extract()
                        .statusCode();
            }));
        }
        start.countDown();
        for (Future<Integer> answer : answers) {
            assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        }
        pool.shutdown();
        String of = " from enrollment where activity_id = '" + activity + "'";
        assertThat(count("select count(*)" + of + " and status = 'CONFIRMED'")).isEqualTo(5);
        // exactly the first five in line moved up
        assertThat(count("select count(*)" + of + " and status = 'CONFIRMED' and waitlist_position between 1 and 5"))
                .isEqualTo(5);
        assertThat(count("select count(*)" + of + " and status = 'WAITLISTED'")).isEqualTo(5);
        assertThat(count("select min(waitlist_position)" + of + " and status = 'WAITLISTED'"))
                .isEqualTo(6);
        assertThat(count("select confirmed_count from activity where id = '" + activity + "'"))
                .isEqualTo(5);
    }
}
