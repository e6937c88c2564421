package cn.bailian.farm.claim;

import static cn.bailian.farm.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bailian.farm.Fixtures;
import cn.bailian.farm.Fixtures.Resident;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class ClaimExpiryTest {

    @Inject
    ClaimService claims;

    @Test
    void aClaimWhoseTermEndedExpiresAndThePlotGoesToTheWaitlist() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID shortPlot = Fixtures.plot(farm, community, "A-01", 0, 0);
        UUID longPlot = Fixtures.plot(farm, community, "A-02", 0, 1);
        Resident shortTerm = Fixtures.resident(community);
        Resident longTerm = Fixtures.resident(community);
        Resident waiting = Fixtures.resident(community);
        String shortClaim = as(shortTerm.token())
                .body(Map.of("residentId", shortTerm.id(), "termMonths", 1))
                .post("/api/v1/plots/" + shortPlot + "/claims")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID longClaim = Fixtures.claim(longPlot, longTerm);
        Fixtures.join(farm, waiting);

        try (EventProbe events = EventProbe.on(Fixtures.FARM_TOPIC)) {
            // on its last day the claim still holds; the day after, it has ended
            while (claims.expire(Instant.now().plus(Duration.ofDays(20))) > 0) {
                // other tests' short claims
            }
            assertThat(Fixtures.queryString("select status from claim where id = ?::uuid", shortClaim))
                    .isEqualTo("ACTIVE");
            while (claims.expire(Instant.now().plus(Duration.ofDays(40))) > 0) {
                // all batches
            }

            assertThat(Fixtures.queryString("select end_reason from claim where id = ?::uuid", shortClaim))
                    .isEqualTo("EXPIRED");
            assertThat(Fixtures.queryString("select status from claim where id = ?", longClaim))
                    .isEqualTo("ACTIVE");
            assertThat(Fixtures.queryString(
                            "select resident_id from offer where plot_id = ? and status = 'PENDING'", shortPlot))
                    .isEqualTo(waiting.id().toString());
            var released = events.await(
                    "cn.bailian.farm.plot.released.v1", e -> e.subject().equals(shortClaim));
            assertThat(released.data().path("reason").asText()).isEqualTo("EXPIRED");
        }
    }
}
