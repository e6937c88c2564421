package cn.bailian.activity;

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
 * Consumer-driven contract: the examples resident-service and fund-service commit in their AsyncAPI documents,
 * sent on their topics, go through activity-service's real consumer and handlers and land in its projections.
 */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class ConsumedEventsTest extends ConsumedEventsContract {

    @Override
    protected void assertApplied(String type, JsonNode event) {
        switch (type) {
            case "cn.bailian.resident.registered.v1", "cn.bailian.resident.updated.v1" ->
                assertThat(TestDb.singleRow(
                                "select community_id::text, household_id::text, display_name, birth_date::text, status from resident where id = ?",
                                field(event, "residentId")))
                        .containsExactly(
                                field(event, "communityId"),
                                field(event, "householdId"),
                                field(event, "displayName"),
                                field(event, "birthDate"),
                                field(event, "status"));
            case "cn.bailian.resident.moved-out.v1" ->
                assertThat(TestDb.singleRow(
                                "select community_id::text, status from resident where id = ?",
                                field(event, "residentId")))
                        .containsExactly(field(event, "communityId"), "MOVED_OUT");
            case "cn.bailian.resident.organization.registered.v1" ->
                assertThat(TestDb.singleRow(
                                "select community_id::text, name, kind from organization where id = ?",
                                field(event, "organizationId")))
                        .containsExactly(field(event, "communityId"), field(event, "name"), field(event, "kind"));
            case "cn.bailian.resident.guardian.linked.v1" ->
                assertThat(TestDb.singleRow(
                                "select guardian_id::text, relation, community_id::text from guardian_link where child_id = ?",
                                field(event, "childId")))
                        .containsExactly(
                                field(event, "guardianId"), field(event, "relation"), field(event, "communityId"));
            case "cn.bailian.fund.grant.disbursed.v1" ->
                assertThat(TestDb.singleRow(
                                "select activity_id::text, project_id::text, amount_fen::text from activity_grant where disbursement_id = ?",
                                field(event, "disbursementId")))
                        .containsExactly(
                                field(event, "activityId"), field(event, "projectId"), field(event, "amountFen"));
            default -> fail("no assertion for %s: say what applying it changes", type);
        }
    }
}
