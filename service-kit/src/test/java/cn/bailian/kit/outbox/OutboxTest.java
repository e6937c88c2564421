package cn.bailian.kit.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class OutboxTest {

    private static final String TOPIC = "bailian.kit-sample.events";
    private static final String CREATED = "cn.bailian.sample.note.created.v1";

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
            await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> probe.count(CREATED, r -> r.subject().equals(id)) == 1);
        }
    }

    @Test
    void rolledBackChangePublishesNothing() throws Exception {
        long before = outboxRows();
        // invalid request: validation fails before anything is written
        given().contentType(ContentType.JSON)
                .body("{\"text\":\"\",\"priority\":1}")
                .post("/api/v1/notes")
                .then()
                .statusCode(400);
        assertThat(outboxRows()).isEqualTo(before);
    }

    private static String createNote(String text) {
        return given().contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\",\"priority\":2}")
                .when()
                .post("/api/v1/notes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static long outboxRows() throws Exception {
        return count("select count(*) from outbox_event");
    }

    static long count(String sql) throws Exception {
        try (Connection c = BailianTestResource.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
