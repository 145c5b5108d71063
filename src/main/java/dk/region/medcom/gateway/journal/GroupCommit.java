package dk.region.medcom.gateway.journal;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for the pipeline's journal writes. One writer thread takes the writes of every
 * route that has finished meanwhile and commits them in one database transaction; each route
 * waits for the commit that holds its writes before its broker transaction commits.
 *
 * <p>Why: a database commit costs about the same for one message as for twenty (H2 writes every
 * B-tree page the transaction changed; PostgreSQL flushes its log once), and with a commit per
 * message the commits were the largest cost per message. Nothing is acknowledged before its
 * commit, so a crash loses no committed write: the broker redelivers whatever was not committed.
 * A write that fails (a constraint, say) fails only its own route: the transaction is rolled back
 * and every route's writes are tried again in a transaction of their own.
 */
final class GroupCommit {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** A route waits at most this long; then it fails and the broker redelivers its message. */
    static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_BATCH = 64;

    private final BlockingQueue<PendingWrites> queue = new LinkedBlockingQueue<>();
    private final TransactionTemplate transactions;
    private final DistributionSummary batchSizes;
    private final long windowNanos;
    private final Thread writer;
    private volatile boolean running = true;

    GroupCommit(TransactionTemplate transactions, MeterRegistry meters, Duration window) {
        this.transactions = transactions;
        this.windowNanos = window.toNanos();
        this.batchSizes = DistributionSummary.builder("medcom.journal.commit.batch")
                .description("Routes whose journal writes went into one database commit")
                .register(meters);
        this.writer = new Thread(this::run, "journal-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /** Commits {@code writes} with whatever else is waiting; returns once they are committed. */
    void commit(PendingWrites writes) throws InterruptedException, TimeoutException {
        if (!running) {
            throw new IllegalStateException("the journal is shutting down");
        }
        queue.add(writes);
        writes.awaitCommit(COMMIT_TIMEOUT);
    }

    /** Routes whose writes wait for the writer (for tests). */
    int waiting() {
        return queue.size();
    }

    /** Commits what is queued, then stops the writer thread. */
    void stop() throws InterruptedException {
        running = false;
        writer.join(COMMIT_TIMEOUT.toMillis());
    }

    private void run() {
        List<PendingWrites> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                PendingWrites first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather(batch);
                batchSizes.record(batch.size());
                write(batch);
            } catch (InterruptedException e) {
                batch.forEach(w -> w.failed(new IllegalStateException("the journal's writer was stopped")));
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // never let the writer die: every route waiting on it would time out
                LOG.error("journal group commit failed unexpectedly", e);
                batch.forEach(w -> w.failed(new IllegalStateException("journal group commit failed", e)));
            } finally {
                batch.clear();
            }
        }
    }

    /** Adds what waits now, and what arrives within the commit window after the first. */
    private void gather(List<PendingWrites> batch) throws InterruptedException {
        queue.drainTo(batch, MAX_BATCH - batch.size());
        long deadline = System.nanoTime() + windowNanos;
        for (long left = windowNanos; left > 0 && batch.size() < MAX_BATCH; left = deadline - System.nanoTime()) {
            PendingWrites next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, MAX_BATCH - batch.size());
        }
    }

    private void write(List<PendingWrites> batch) {
        try {
            transactions.executeWithoutResult(status -> batch.forEach(PendingWrites::apply));
            batch.forEach(PendingWrites::committed);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).failed(e);
            } else {
                // one route's writes failed: find which, without failing the others
                batch.forEach(writes -> write(List.of(writes)));
            }
        }
    }
}
