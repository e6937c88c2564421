package cn.bailian.kit.cache;

import cn.bailian.kit.db.AfterCommit;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sees every SQL statement Hibernate prepares (entities, JPQL and native queries alike) and, when one writes, has the
 * public cache emptied once the transaction commits. Writes to the kit's own bookkeeping (outbox, processed and parked
 * events, idempotency records) change no public answer and are let pass. Raw JDBC outside Hibernate is not seen:
 * in the services only the outbox relay writes that way, and it touches nothing a public read shows.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class WriteTracker implements StatementInspector {

    /** Leading comments and whitespace, then the verb (and for a CTE, any writing verb inside it). */
    private static final Pattern LEADING_COMMENTS =
            Pattern.compile("^(\\s+|/\\*.*?\\*/|--[^\\n]*\\n)+", Pattern.DOTALL);

    private static final Pattern TARGET = Pattern.compile(
            "^(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+(?:only\\s+)?\"?([a-z0-9_.]+)\"?");
    private static final Pattern CTE_WRITE =
            Pattern.compile("\\b(insert\\s+into|update|delete\\s+from|merge\\s+into)\\s");
    private static final Set<String> BOOKKEEPING =
            Set.of("outbox_event", "processed_event", "parked_event", "idempotency_record");

    private final Object key = new Object();

    @Inject
    PublicCache cache;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Override
    public String inspect(String sql) {
        if (writes(sql)) {
            written();
        }
        return sql;
    }

    /** Whether the statement changes data other than the kit's bookkeeping. */
    static boolean writes(String sql) {
        String unprefixed = LEADING_COMMENTS.matcher(sql).replaceFirst("");
        // most statements are reads: decided on their first word, without copying the statement
        if (unprefixed.regionMatches(true, 0, "select", 0, 6) || unprefixed.regionMatches(true, 0, "values", 0, 6)) {
            return false;
        }
        String s = unprefixed.toLowerCase(Locale.ROOT);
        Matcher target = TARGET.matcher(s);
        if (target.find()) {
            String table = target.group(1);
            return !BOOKKEEPING.contains(table.substring(table.lastIndexOf('.') + 1));
        }
        if (s.startsWith("with")) {
            return CTE_WRITE.matcher(s).find();
        }
        // DDL, truncate, calls: assume they may change what a public read shows
        return !s.startsWith("set ") && !s.startsWith("show ");
    }

    private void written() {
        if (transactions.getTransactionKey() == null) {
            cache.invalidateAll(); // autocommit: nothing to wait for
            return;
        }
        try {
            AfterCommit.once(transactions, key, cache::invalidateAll);
        } catch (IllegalStateException notActive) {
            cache.invalidateAll(); // a transaction that is ending anyway: empty the cache now rather than never
        }
    }
}
