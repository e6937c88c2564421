package cn.bailian.activity.resident;

import static cn.bailian.activity.Fixtures.FUND_TOPIC;
import static cn.bailian.activity.Fixtures.RESIDENT_TOPIC;
import static cn.bailian.activity.Fixtures.awaitCount;
import static cn.bailian.activity.Fixtures.count;
import static cn.bailian.activity.Fixtures.send;
import static cn.bailian.activity.Fixtures.sendRegistered;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bailian.testkit.BailianTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Only the resident service speaks for residents: a resident.registered that another sender put on the resident
 * topic, or that arrives on another service's topic (whoever it claims to be from), creates no resident; it is
 * parked for a person to see. This service reads both the resident and the fund topic, so both forgeries reach it.
 */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class ForgedResidentEventsTest {

    private static final String REGISTERED = "cn.bailian.resident.registered.v1";

    @Test
    void aRegistrationNotFromTheResidentServiceOnItsTopicCreatesNoResident() throws Exception {
        assertForgeryParked(RESIDENT_TOPIC, "/bailian/fund-service", "is not /bailian/resident-service");
    }

    @Test
    void aRegistrationOnTheFundTopicCreatesNoResidentWhoeverItClaimsToBeFrom() throws Exception {
        assertForgeryParked(
                FUND_TOPIC,
                "/bailian/fund-service",
                "is read from bailian.resident.events, not from bailian.fund.events");
        assertForgeryParked(FUND_TOPIC, "/bailian/resident-service", "is not /bailian/fund-service");
    }

    @Test
    void theGenuineRegistrationStillCreatesTheResident() throws Exception {
        UUID resident = UUID.randomUUID();
        sendRegistered(resident, UUID.randomUUID(), LocalDate.of(1985, 3, 14)).get();
        awaitCount("select count(*) from resident where id = '" + resident + "'", 1);
        assertThat(count("select count(*) from parked_event where payload like '%" + resident + "%'"))
                .isZero();
    }

    private static void assertForgeryParked(String topic, String source, String why) throws Exception {
        UUID resident = UUID.randomUUID();
        send(topic, REGISTERED, source, resident, """
                {"residentId":"%s","communityId":"%s","householdId":"%s","compoundId":"%s","displayName":"胡*",
                 "gender":"FEMALE","birthDate":"1985-03-14","residencyType":"PERMANENT","status":"ACTIVE"}""".formatted(
                                resident, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()))
                .get();

        awaitCount(
                "select count(*) from parked_event where payload like '%" + resident + "%' and error like '%" + why
                        + "%'",
                1);
        assertThat(count("select count(*) from resident where id = '" + resident + "'"))
                .isZero();
        assertThat(count("select count(*) from processed_event where event_id in"
                        + " (select event_id from parked_event where payload like '%" + resident + "%')"))
                .isZero();
    }
}
