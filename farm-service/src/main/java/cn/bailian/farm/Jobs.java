package cn.bailian.farm;

import cn.bailian.farm.care.CareService;
import cn.bailian.farm.claim.ClaimService;
import cn.bailian.farm.waitlist.WaitlistService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * The timed rules. Each run works in batches under {@code for update skip locked}, so replicas share the
 * work without doing any of it twice; the logic takes {@code now} so tests can run it at any moment.
 */
@ApplicationScoped
public class Jobs {

    @Inject
    WaitlistService waitlists;

    @Inject
    ClaimService claims;

    @Inject
    CareService care;

    @Scheduled(
            identity = "farm-offer-lapse",
            every = "${farm.jobs.offer-lapse-every}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void lapseOffers() {
        while (waitlists.lapse(Instant.now()) > 0) {
            // next batch
        }
    }

    @Scheduled(
            identity = "farm-claim-expiry",
            every = "${farm.jobs.claim-expiry-every}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireClaims() {
        while (claims.expire(Instant.now()) > 0) {
            // next batch
        }
    }

    @Scheduled(
            identity = "farm-care",
            every = "${farm.jobs.care-every}",
            delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkCare() {
        while (care.check(Instant.now()) > 0) {
            // next batch
        }
    }
}
