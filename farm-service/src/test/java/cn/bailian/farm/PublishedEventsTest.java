package cn.bailian.farm;

import static cn.bailian.farm.Fixtures.as;

import cn.bailian.farm.Fixtures.Resident;
import cn.bailian.testkit.AsyncApiContract;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * farm-service's events against its AsyncAPI document (asyncapi/asyncapi.yaml): the test makes the service
 * publish every documented type itself, so it holds whatever other tests ran, in whatever order.
 */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class PublishedEventsTest {

    @Test
    void examplesConformToTheirSchemas() {
        AsyncApiContract.own().assertExamplesConform();
    }

    @Test
    void everyTypeTheServicePublishesConformsToTheDocument() {
        AsyncApiContract.own().assertScenarioPublishesConformingEvents(() -> {
            UUID community = UUID.randomUUID();
            String staff = DevTokens.staff(community);
            UUID farm = Fixtures.farm(community);
            UUID plot = Fixtures.plot(farm, community, "E-01", 0, 0);
            List<Resident> people = Fixtures.residents(community, 3);
            Resident grower = people.get(0);
            UUID claim = Fixtures.claim(plot, grower); // plot claimed
            as(grower.token())
                    .body(Map.of("kind", "NOTE", "note", "番茄要搭架子"))
                    .post("/api/v1/plots/" + plot + "/journal")
                    .then()
                    .statusCode(201); // journal recorded
            as(staff)
                    .body(Map.of("grade", "POOR", "note", "杂草丛生"))
                    .post("/api/v1/plots/" + plot + "/inspections")
                    .then()
                    .statusCode(201); // care warning issued
            Fixtures.join(farm, people.get(1)); // waitlist joined
            UUID last = Fixtures.join(farm, people.get(2));
            as(staff)
                    .body(Map.of("position", 1, "reason", "行动不便的老人"))
                    .post("/api/v1/waitlist/" + last + "/position")
                    .then()
                    .statusCode(200); // waitlist reordered
            as(grower.token())
                    .post("/api/v1/claims/" + claim + "/release")
                    .then()
                    .statusCode(200); // released, offered

            UUID drawFarm = Fixtures.farm(community);
            Fixtures.plot(drawFarm, community, "L-01", 0, 0);
            for (Resident r : Fixtures.residents(community, 2)) {
                Fixtures.join(drawFarm, r);
            }
            as(staff)
                    .body(Map.of("plotCount", 1, "seed", 20260315L))
                    .post("/api/v1/farms/" + drawFarm + "/lotteries")
                    .then()
                    .statusCode(201); // lottery drawn
        });
    }
}
