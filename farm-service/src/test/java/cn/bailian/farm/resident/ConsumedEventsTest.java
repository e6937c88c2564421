package cn.bailian.farm.resident;

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
 * Consumer-driven contract: the examples resident-service commits in its AsyncAPI document, sent on its topic,
 * go through farm-service's real consumer and handlers and land in the projections. A producer that renames or
 * retypes a field the farm reads fails here (after its own document is changed to pass its producer test).
 */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class ConsumedEventsTest extends ConsumedEventsContract {

    @Override
    protected void assertApplied(String type, JsonNode event) {
        switch (type) {
            case "cn.bailian.resident.registered.v1", "cn.bailian.resident.updated.v1" ->
                assertThat(TestDb.singleRow(
                                "select community_id::text, household_id::text, display_name, status from resident_projection where resident_id = ?",
                                field(event, "residentId")))
                        .containsExactly(
                                field(event, "communityId"),
                                field(event, "householdId"),
                                field(event, "displayName"),
                                field(event, "status"));
            case "cn.bailian.resident.moved-out.v1" ->
                assertThat(TestDb.singleRow(
                                "select community_id::text, status from resident_projection where resident_id = ?",
                                field(event, "residentId")))
                        .containsExactly(field(event, "communityId"), "MOVED_OUT");
            case "cn.bailian.resident.household.registered.v1" ->
                assertThat(TestDb.singleRow(
                                "select community_id::text, compound_id::text from household_projection where household_id = ?",
                                field(event, "householdId")))
                        .containsExactly(field(event, "communityId"), field(event, "compoundId"));
            default -> fail("no assertion for %s: say what applying it changes", type);
        }
    }
}
