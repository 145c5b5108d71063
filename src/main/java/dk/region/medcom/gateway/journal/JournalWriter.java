package dk.region.medcom.gateway.journal;

import io.micrometer.core.instrument.MeterRegistry;
import dk.region.medcom.gateway.message.TrackingId;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the journal's writes go. Inside a route's journal transaction ({@link #inTransaction})
 * they are held and committed together when the route ends, with other routes' (group commit);
 * anywhere else (the API, background checks) each write runs at once in its own transaction, or
 * in the caller's if it has one.
 *
 * <p>A held write runs later, on the committer's thread: it must take everything it needs as
 * values now, and code that reads the journal within the route sees only committed data, not the
 * route's own held writes.
 */
@Component
public class JournalWriter implements DisposableBean {

    /** The work of a route: true when its journal writes should be committed. */
    @FunctionalInterface
    public interface Work {
        boolean run() throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
    /** Messages remembered as refused; more at once means something else is wrong (and they dead-letter). */
    private static final int REFUSED_REMEMBERED = 10_000;

    private final Set<String> refused = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REFUSED_REMEMBERED;
                }
            }));
    private final ThreadLocal<PendingWrites> current = new ThreadLocal<>();
    private final TransactionTemplate transactions;
    private final GroupCommit groupCommit;

    @Autowired
    public JournalWriter(PlatformTransactionManager transactionManager, MeterRegistry meters,
                         JournalProperties properties) {
        this(transactionManager, meters, properties.commitWindow());
    }

    JournalWriter(PlatformTransactionManager transactionManager, MeterRegistry meters, Duration commitWindow) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.groupCommit = new GroupCommit(transactions, meters, commitWindow);
    }

    /**
     * Runs {@code work} with its journal writes held; when it returns true they are committed (with
     * other routes' writes) before this returns, and a failed commit throws. Work that returns
     * false or throws leaves nothing in the journal. Called inside one, it joins the outer one.
     *
     * <p>A commit the database refuses for its data ({@link JournalWriteFailed#permanent()}) can never
     * succeed: its messages are remembered ({@link #refusedBefore}), so that the redelivery the failure
     * causes quarantines the message instead of failing the same way until it is a dead letter.
     */
    public void inTransaction(Work work) throws Exception {
        if (current.get() != null) {
            work.run();
            return;
        }
        PendingWrites writes = new PendingWrites();
        current.set(writes);
        boolean commit;
        try {
            commit = work.run();
        } finally {
            current.remove();
        }
        if (commit && !writes.isEmpty()) {
            try {
                groupCommit.commit(writes);
            } catch (JournalWriteFailed e) {
                if (e.permanent()) {
                    refused.addAll(e.trackingIds());
                    LOG.warn("{}: the message is quarantined when it comes again", e.getMessage());
                }
                throw e;
            }
        }
    }

    /** The journal refused this message's writes for their data before (since this gateway started). */
    public boolean refusedBefore(TrackingId id) {
        return refused.contains(id.value());
    }

    /** Writes now, or with the route's other writes when the route's journal transaction commits. */
    public void write(Runnable write) {
        PendingWrites writes = current.get();
        if (writes != null) {
            writes.add(write);
        } else {
            transactions.executeWithoutResult(status -> write.run());
        }
    }

    /**
     * Changes a message's row now, or with the route's other writes; a route's changes to one row
     * are merged into one write ({@link RowChange}).
     */
    void change(RowChange change, Consumer<RowChange> apply) {
        PendingWrites writes = current.get();
        if (writes != null) {
            writes.change(change, apply);
        } else {
            transactions.executeWithoutResult(status -> apply.accept(change));
        }
    }

    GroupCommit groupCommit() {
        return groupCommit;
    }

    @Override
    public void destroy() throws InterruptedException {
        groupCommit.stop();
    }
}
