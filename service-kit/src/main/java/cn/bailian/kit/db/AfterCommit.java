package cn.bailian.kit.db;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs an action once after the current transaction commits, however often it is asked for within it. */
public final class AfterCommit {

    private AfterCommit() {}

    /**
     * @param key names the action among the transaction's resources: a second call with the same key adds nothing
     * @throws IllegalStateException when no transaction is active, or it is already completing
     */
    public static void once(TransactionSynchronizationRegistry transactions, Object key, Runnable action) {
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
