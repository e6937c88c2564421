package cn.bailian.resident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bailian.kit.time.CommunityClock;
import cn.bailian.resident.resident.ResidentApi.MoveOut;
import cn.bailian.testkit.BailianTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Dates are checked against the community's calendar (Asia/Shanghai), not the server's: the system test of a move-out
 * "today" failed on a UTC machine between 16:00 and 24:00 UTC, when it is already tomorrow in Chengdu.
 */
@QuarkusTest
@WithTestResource(value = BailianTestResource.class, scope = TestResourceScope.GLOBAL)
class CommunityClockTest {

    private static final ZoneId CHENGDU = ZoneId.of("Asia/Shanghai");

    @Inject
    ValidatorFactory validatorFactory;

    @Inject
    Validator validator;

    @Inject
    CommunityClock clock;

    @Test
    void beanValidationReadsTheCommunitysClock() {
        assertThat(validatorFactory.getClockProvider().getClock().getZone()).isEqualTo(CHENGDU);
        assertThat(clock.today()).isEqualTo(LocalDate.now(CHENGDU));
    }

    @Test
    void aMoveOutDatedTodayInChengduIsNotInTheFuture() {
        assertThat(validator.validate(new MoveOut(LocalDate.now(CHENGDU), null)))
                .isEmpty();
        assertThat(validator.validate(new MoveOut(LocalDate.now(CHENGDU).plusDays(1), null)))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactly("date");
    }
}
