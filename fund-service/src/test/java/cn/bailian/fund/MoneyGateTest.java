package cn.bailian.fund;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The gate lets the configured number of movements of one fund through at once, and every one of a burst in turn. */
class MoneyGateTest {

    @Test
    void admitsThePermittedNumberOfOneFundAtOnce() throws Exception {
        MoneyGate gate = new MoneyGate(config(3));
        UUID fund = UUID.randomUUID();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return gate.through(fund, () -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    sleep(20);
                    inside.decrementAndGet();
                    return done.incrementAndGet();
                });
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(done).hasValue(20);
        assertThat(most).hasValue(3);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static FundConfig config(int permits) {
        return new FundConfig() {
            public Duration noticePeriod() {
                return Duration.ofDays(7);
            }

            public String noticeCheckEvery() {
                return "60s";
            }

            public boolean moneyGate() {
                return true;
            }

            public int moneyGatePermits() {
                return permits;
            }

            public String receiptPrefix() {
                return "BL";
            }
        };
    }
}
