package cn.bailian.kit.outbox;

import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class OutboxTest {

    private static final String TOPIC = "bailian.kit-sample.events";
    private static final String CREATED = "cn.bailian.sample.note.created.v1";

    @AfterEach
    void brokerBack() {
        BailianTestResource.broker().start();
    }

    @Test
    void committedChangePublishesOneCloudEventKeyedByAggregate() {
        try (EventProbe probe = EventProbe.on(TOPIC)) {
            String id = createNote("hello");
            EventProbe.Received event = probe.await(CREATED, r -> r.subject().equals(id));
            assertThat(event.key()).isEqualTo(id);
            assertThat(event.event().path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.event().path("source").asText()).isEqualTo("/bailian/kit-sample");
            assertThat(event.event().path("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(event.event().path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(event.data().path("noteId").asText()).isEqualTo(id);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                    .until(() -> probe.count(CREATED, r -> r.subject().equals(id)) == 1);
        }
    }

    @Test
    void rolledBackChangePublishesNothing() throws Exception {
        long before = outboxRows();
        // invalid request: validation fails before anything is written
        given().contentType(ContentType.JSON).body("{\"text\":\"\",\"priority\":1}").post("/api/v1/notes").then().statusCode(400);
        assertThat(outboxRows()).isEqualTo(before);
    }

    @Test
    void kafkaDownNeitherFailsNorBlocksTheApiAndTheBacklogDrainsExactlyOnce() throws Exception {
        BailianTestResource.broker().stop();
        List<String> ids = new ArrayList<>();
        long slowest = 0;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            ids.add(createNote("while kafka is down " + i));
            slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
        }
        // The relay's producer waits up to 30 s for the missing broker (see application.properties): a write that
        // waited for Kafka would take at least that long. The bound is loose on purpose: this proves the request
        // path does not touch Kafka, it does not time the machine.
        assertThat(slowest).as("slowest write while Kafka is down, ms").isLessThan(15_000);

        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.backlog", greaterThanOrEqualTo(5));
        assertThat(pendingRows()).isGreaterThanOrEqualTo(5);

        BailianTestResource.broker().start();
        try (EventProbe probe = EventProbe.on(TOPIC)) {
            for (String id : ids) {
                probe.await(CREATED, r -> r.subject().equals(id), Duration.ofSeconds(60));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> pendingRows() == 0);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                    ids.stream().allMatch(id -> probe.count(CREATED, r -> r.subject().equals(id)) == 1));
        }
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.backlog", equalTo(0));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("bailian_outbox_backlog"));
    }

    private static String createNote(String text) {
        return given().contentType(ContentType.JSON).body("{\"text\":\"" + text + "\",\"priority\":2}")
                .when().post("/api/v1/notes")
                .then().statusCode(201).extract().path("id");
    }

    private static long outboxRows() throws Exception {
        return count("select count(*) from outbox_event");
    }

    private static long pendingRows() throws Exception {
        return count("select count(*) from outbox_event where published_at is null");
    }

    static long count(String sql) throws Exception {
        try (Connection c = BailianTestResource.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
