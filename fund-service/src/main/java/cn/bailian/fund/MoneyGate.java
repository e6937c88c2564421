package cn.bailian.fund;

import cn.bailian.kit.problem.ProblemCodes;
import cn.bailian.kit.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Queues a burst of money movements on one fund inside the JVM, before they take a database connection.
 * Correctness comes from the fund's row lock; without this gate every request waiting for that row lock
 * would hold a pooled connection, and a burst on one fund (a hundred parallel payments) would starve the
 * whole service of connections. A few movements per fund pass at once (fund.money-gate-permits): one holds
 * the row lock while the next ones prepare and queue on it in the database. Held across the transaction:
 * taken before it begins, released after commit.
 */
@Singleton
public class MoneyGate {

    private static final long MAX_WAIT_SECONDS = 30;
    private final Semaphore[] stripes = new Semaphore[64];
    private volatile boolean enabled;

    @Inject
    public MoneyGate(FundConfig config) {
        this.enabled = config.moneyGate();
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Semaphore(config.moneyGatePermits(), true);
        }
    }

    /** fund.money-gate at start; the tests switch it off to leave the database locks alone against a race. */
    void enabled(boolean enabled) {
        this.enabled = enabled;
    }

    public <T> T through(UUID key, Supplier<T> work) {
        if (!enabled) {
            return work.get();
        }
        Semaphore gate = stripes[Math.floorMod(key.hashCode(), stripes.length)];
        boolean acquired;
        try {
            acquired = gate.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ProblemException(503, ProblemCodes.SERVICE_UNAVAILABLE);
        }
        try {
            return work.get();
        } finally {
            gate.release();
        }
    }
}
