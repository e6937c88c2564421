package cn.bailian.fund;

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

/**
 * Consumer-driven contract: the examples resident-service and activity-service commit in their AsyncAPI documents,
 * sent on their topics, go through fund-service's real consumer and handlers and land in what the fund knows of
 * residents and organisations (ResidentEventHandler) and of attendance at activities (ActivityEventHandler).
 */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class ConsumedEventsTest extends ConsumedEventsContract {

    @Override
    protected void assertApplied(String type, JsonNode event) {
        switch (type) {
            case "cn.bailian.resident.registered.v1", "cn.bailian.resident.updated.v1" ->
                assertThat(TestDb.singleRow(
                                "select community_id::text, display_name, status from known_resident where resident_id = ?",
                                field(event, "residentId")))
                        .containsExactly(
                                field(event, "communityId"), field(event, "displayName"), field(event, "status"));
            case "cn.bailian.resident.moved-out.v1" ->
                assertThat(TestDb.singleRow(
                                "select community_id::text, status from known_resident where resident_id = ?",
                                field(event, "residentId")))
                        .containsExactly(field(event, "communityId"), "MOVED_OUT");
            case "cn.bailian.resident.organization.registered.v1" ->
                assertThat(TestDb.singleRow(
                                "select community_id::text, name, kind from known_organization where organization_id = ?",
                                field(event, "organizationId")))
                        .containsExactly(field(event, "communityId"), field(event, "name"), field(event, "kind"));
            case "cn.bailian.activity.attendance.recorded.v1" ->
                assertThat(TestDb.singleRow(
                                "select activity_id::text, session_id::text, community_id::text from activity_attendance where attendance_id = ?",
                                field(event, "attendanceId")))
                        .containsExactly(
                                field(event, "activityId"), field(event, "sessionId"), field(event, "communityId"));
            default -> fail("no assertion for %s: say what applying it changes", type);
        }
    }
}
