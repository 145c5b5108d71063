package dk.region.medcom.gateway.journal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The journal writes one route made for one message, in the order it made them, held until the
 * route ends; then {@link GroupCommit} writes them in one database transaction, together with
 * other routes' writes, and tells the route the outcome.
 */
final class PendingWrites {

    private final List<Runnable> writes = new ArrayList<>();
    private final Map<String, RowChange> rows = new HashMap<>();
    private final CompletableFuture<Void> outcome = new CompletableFuture<>();

    void add(Runnable write) {
        writes.add(write);
    }

    /**
     * A change to a message's row: merged into the route's earlier change to the same row, if it
     * made one (written where that one was), else added like any write.
     */
    void change(RowChange change, Consumer<RowChange> apply) {
        RowChange earlier = rows.putIfAbsent(change.id.value(), change);
        if (earlier != null) {
            earlier.absorb(change);
        } else {
            writes.add(() -> apply.accept(change));
        }
    }

    /** The messages whose rows these writes change. */
    java.util.Set<String> trackingIds() {
        return java.util.Set.copyOf(rows.keySet());
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    /** Runs the writes on the calling thread, inside the transaction it has open. */
    void apply() {
        writes.forEach(Runnable::run);
    }

    void committed() {
        outcome.complete(null);
    }

    /** The route learns why, as a {@link JournalWriteFailed}: never the database's message, which may quote values. */
    void failed(RuntimeException cause) {
        outcome.completeExceptionally(JournalWriteFailed.of(cause, trackingIds()));
    }

    /** Returns once the writes are committed; throws what made them fail. */
    void awaitCommit(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
