package cn.bailian.resident.participation;

import static cn.bailian.testkit.AsyncApiContract.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.ConsumedEventsContract;
import cn.bailian.testkit.TestDb;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

/**
 * Consumer-driven contract: the examples farm-, activity- and fund-service commit in their AsyncAPI documents,
 * sent on their topics, go through resident-service's real consumer and handlers onto the participation record.
 */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class ConsumedEventsTest extends ConsumedEventsContract {

    @Override
    protected void assertApplied(String type, JsonNode event) {
        String detail = switch (type) {
            case "cn.bailian.farm.plot.claimed.v1" -> field(event, "plotCode");
            case "cn.bailian.farm.journal.recorded.v1" -> field(event, "kind") + " " + field(event, "crop");
            case "cn.bailian.activity.enrollment.confirmed.v1",
                    "cn.bailian.activity.enrollment.promoted.v1",
                    "cn.bailian.activity.attendance.recorded.v1",
                    "cn.bailian.activity.venue.booked.v1" -> field(event, "activityId");
            case "cn.bailian.fund.donation.received.v1" -> field(event, "fundId");
            default -> fail("no assertion for %s: say what applying it changes", type);
        };
        List<List<Object>> rows = TestDb.rows(
                "select resident_id::text, community_id::text, detail from participation_entry where source_event_id = ?",
                event.path("id").asText());
        if (event.path("data").path("anonymous").asBoolean(false) || field(event, "residentId") == null) {
            assertThat(rows).as("%s credits no one", event).isEmpty();
            return;
        }
        assertThat(rows).as("participation entry of %s", event).hasSize(1);
        assertThat(rows.get(0).stream()
                        .map(v -> v == null ? null : v.toString())
                        .toList())
                .containsExactly(field(event, "residentId"), field(event, "communityId"), detail);
    }
}
