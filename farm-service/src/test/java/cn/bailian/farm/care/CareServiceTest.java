package cn.bailian.farm.care;

import static cn.bailian.farm.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.bailian.farm.Fixtures;
import cn.bailian.farm.Fixtures.Resident;
import cn.bailian.testkit.BailianTestResource;
import cn.bailian.testkit.DevTokens;
import cn.bailian.testkit.EventProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class CareServiceTest {

    private static EventProbe events;

    @Inject
    CareService care;

    @BeforeAll
    static void probe() {
        events = EventProbe.on(Fixtures.FARM_TOPIC);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void aPoorInspectionWarnsAndOnlyASecondFailureAllowsRevocation() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID plot = Fixtures.plot(farm, community, "A-01", 0, 0);
        Resident grower = Fixtures.resident(community);
        Resident waiting = Fixtures.resident(community);
        UUID claim = Fixtures.claim(plot, grower);
        Fixtures.join(farm, waiting);
        String staff = DevTokens.staff(community);
        String inspections = "/api/v1/plots/" + plot + "/inspections";

        as(grower.token())
                .body(Map.of("grade", "POOR"))
                .post(inspections)
                .then()
                .statusCode(403);
        String warning = as(staff)
                .body(Map.of("grade", "POOR", "note", "杂草丛生"))
                .post(inspections)
                .then()
                .statusCode(201)
                .body("warning.status", equalTo("OPEN"))
                .body("warning.reason", equalTo("POOR_INSPECTION"))
                .body(
                        "warning.reinspectOn",
                        equalTo(LocalDate.now(ZoneId.of("Asia/Shanghai"))
                                .plusDays(14)
                                .toString()))
                .extract()
                .path("warning.id");
        var issued = events.await(
                "cn.bailian.farm.care.warning-issued.v1", e -> e.subject().equals(warning));
        assertThat(issued.data().path("claimId").asText()).isEqualTo(claim.toString());
        assertThat(issued.data().path("reason").asText()).isEqualTo("POOR_INSPECTION");
        assertThat(issued.data().path("reinspectOn").asText()).isNotBlank();

        // a warning alone is not enough
        as(staff)
                .body(Map.of("reason", "无人打理"))
                .post("/api/v1/claims/" + claim + "/revoke")
                .then()
                .statusCode(409)
                .body("code", equalTo("REVOCATION_NEEDS_FAILED_WARNING"));
        as(grower.token())
                .get("/api/v1/claims/" + claim + "/warnings")
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("OPEN"))
                .body("total", equalTo(1));

        // the re-inspection fails: now staff may revoke, with a reason
        as(staff)
                .body(Map.of("grade", "POOR", "note", "仍未打理"))
                .post(inspections)
                .then()
                .statusCode(201)
                .body("warning.id", equalTo(warning))
                .body("warning.status", equalTo("FAILED"));
        as(grower.token())
                .body(Map.of("reason", "x"))
                .post("/api/v1/claims/" + claim + "/revoke")
                .then()
                .statusCode(403);
        as(staff)
                .body(Map.of())
                .post("/api/v1/claims/" + claim + "/revoke")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as(staff)
                .body(Map.of("reason", "两次巡查不合格"))
                .post("/api/v1/claims/" + claim + "/revoke")
                .then()
                .statusCode(200)
                .body("endReason", equalTo("REVOKED"));

        var released = events.await(
                "cn.bailian.farm.plot.released.v1", e -> e.subject().equals(claim.toString()));
        assertThat(released.data().path("reason").asText()).isEqualTo("REVOKED");
        assertThat(Fixtures.queryString("select revoked_warning_id from claim where id = ?", claim))
                .isEqualTo(warning);
        assertThat(Fixtures.queryString("select resident_id from offer where plot_id = ? and status = 'PENDING'", plot))
                .isEqualTo(waiting.id().toString());
        as(staff).get(inspections).then().statusCode(200).body("total", equalTo(2));
        as(grower.token()).get(inspections).then().statusCode(403);
    }

    @Test
    void aGoodReInspectionResolvesTheWarning() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID plot = Fixtures.plot(farm, community, "B-01", 0, 0);
        Resident grower = Fixtures.resident(community);
        UUID claim = Fixtures.claim(plot, grower);
        String staff = DevTokens.staff(community);
        String inspections = "/api/v1/plots/" + plot + "/inspections";

        as(staff).body(Map.of("grade", "POOR")).post(inspections).then().statusCode(201);
        as(staff)
                .body(Map.of("grade", "GOOD", "photoUrl", "https://img.bailian.example/i/2.jpg"))
                .post(inspections)
                .then()
                .statusCode(201)
                .body("warning.status", equalTo("RESOLVED"));
        as(staff)
                .body(Map.of("grade", "FAIR"))
                .post(inspections)
                .then()
                .statusCode(201)
                .body("warning", nullValue());
        as(staff)
                .body(Map.of("reason", "x"))
                .post("/api/v1/claims/" + claim + "/revoke")
                .then()
                .statusCode(409);
        as(staff)
                .body(Map.of("grade", "POOR"))
                .post("/api/v1/plots/" + Fixtures.plot(farm, community, "B-02", 0, 1) + "/inspections")
                .then()
                .statusCode(409)
                .body("code", equalTo("PLOT_NOT_CLAIMED"));
    }

    @Test
    void weeksWithoutAJournalEntryBringAWarningThenAFailure() {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID tended = Fixtures.plot(farm, community, "C-01", 0, 0);
        UUID neglected = Fixtures.plot(farm, community, "C-02", 0, 1);
        Resident good = Fixtures.resident(community);
        Resident idle = Fixtures.resident(community);
        UUID goodClaim = Fixtures.claim(tended, good);
        String idleClaim = as(idle.token())
                .body(Map.of("residentId", idle.id(), "termMonths", 1))
                .post("/api/v1/plots/" + neglected + "/claims")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Instant fiveWeeksOn = Instant.now().plus(Duration.ofDays(35));

        while (care.check(fiveWeeksOn) > 0) {
            // every silent claim in the database is warned, in batches
        }
        String goodWarning =
                Fixtures.queryString("select id from care_warning where claim_id = ? and status = 'OPEN'", goodClaim);
        assertThat(goodWarning).isNotNull();
        assertThat(Fixtures.queryString("select reason from care_warning where claim_id = ?::uuid", idleClaim))
                .isEqualTo("NO_JOURNAL");
        events.await(
                "cn.bailian.farm.care.warning-issued.v1",
                e -> e.subject().equals(goodWarning)
                        && e.data().path("reason").asText().equals("NO_JOURNAL"));
        // a warned claim is not renewed until the warning is settled
        as(idle.token())
                .post("/api/v1/claims/" + idleClaim + "/renew")
                .then()
                .statusCode(409)
                .body("code", equalTo("CLAIM_UNDER_WARNING"));

        // one of them writes in the journal again, which answers the warning; the other stays silent
        as(good.token())
                .body(Map.of("kind", "WATERING"))
                .post("/api/v1/plots/" + tended + "/journal")
                .then()
                .statusCode(201);
        assertThat(Fixtures.queryString("select status from care_warning where id = ?::uuid", goodWarning))
                .isEqualTo("RESOLVED");
        while (care.check(fiveWeeksOn.plus(Duration.ofDays(15))) > 0) {
            // all batches
        }
        assertThat(Fixtures.queryString(
                        "select status from care_warning where claim_id = ?::uuid and reason = 'NO_JOURNAL'",
                        idleClaim))
                .isEqualTo("FAILED");
        as(DevTokens.staff(community))
                .body(Map.of("reason", "连续六周无种植记录"))
                .post("/api/v1/claims/" + idleClaim + "/revoke")
                .then()
                .statusCode(200)
                .body("endReason", equalTo("REVOKED"));
        as(DevTokens.staff(community))
                .body(Map.of("reason", "x"))
                .post("/api/v1/claims/" + goodClaim + "/revoke")
                .then()
                .statusCode(409);
    }

    @Test
    void theDatabaseRefusesARevocationWithoutAWarning() throws SQLException {
        UUID community = UUID.randomUUID();
        UUID farm = Fixtures.farm(community);
        UUID plot = Fixtures.plot(farm, community, "D-01", 0, 0);
        UUID claim = Fixtures.claim(plot, Fixtures.resident(community));
        try (Connection c = BailianTestResource.connect();
                PreparedStatement s = c.prepareStatement(
                        "update claim set status = 'ENDED', end_reason = 'REVOKED', ended_at = now() where id = ?")) {
            s.setObject(1, claim);
            assertThatThrownBy(s::executeUpdate)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("check constraint");
        }
    }
}
