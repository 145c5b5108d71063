package dk.region.medcom.gateway.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Group commit for the embedded H2 journal.
 *
 * <p>H2 with {@code WRITE_DELAY=0} writes a new chunk of its file on every commit. A commit of a
 * message's journal rows touches some fifteen B-trees (the message row and its indexes, events,
 * bodies), so each chunk rewrites dozens of pages: measured, a fifth of the gateway's CPU at full
 * load. With a write delay H2 commits in memory and stores in the background, and a killed process
 * would lose the last commits, which the broker may already have acted on.
 *
 * <p>Here a thread that has committed waits until a store has written its commit. Whoever finds
 * no store running writes one for all commits made so far; commits made meanwhile wait for the
 * next one. Concurrent commits (several pipeline and delivery consumers) so share one chunk, and
 * no commit returns before it is in the file: as with {@code WRITE_DELAY=0}, safe against a killed
 * process (what the crash tests do), not against the operating system failing before it writes
 * its cache to disk.
 *
 * <p>H2 has no public API for this; {@link #of} reaches its store through H2's own classes
 * (version pinned by Spring Boot) and gives nothing for other databases, which commit durably
 * themselves (PostgreSQL).
 */
public final class H2GroupCommit {

    private final MVStore store;
    private long storedVersion = -1;
    private boolean storing;
    private long stores;

    H2GroupCommit(MVStore store) {
        this.store = store;
    }

    /** The embedded H2 file database behind {@code dataSource}, or nothing for any other database. */
    public static Optional<H2GroupCommit> of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                    || session.getDatabase().getStore() == null) {
                return Optional.empty();
            }
            MVStore store = session.getDatabase().getStore().getMvStore();
            return store.getFileStore() == null || store.getFileStore().isReadOnly()
                    ? Optional.empty() : Optional.of(new H2GroupCommit(store));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the journal database", e);
        }
    }

    /** Returns once everything committed before this call is written to the database file. */
    public void awaitStored() {
        long committed = store.getCurrentVersion();
        synchronized (this) {
            while (storing && storedVersion < committed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the journal was being stored", e);
                }
            }
            if (storedVersion >= committed) {
                return;
            }
            storing = true;
        }
        long version = store.getCurrentVersion();
        boolean stored = false;
        try {
            store.commit();
            stored = true;
        } finally {
            synchronized (this) {
                storing = false;
                if (stored) {
                    storedVersion = Math.max(storedVersion, version);
                    stores++;
                }
                notifyAll();
            }
        }
    }

    /** How many stores this has written (for tests and metrics). */
    public synchronized long stores() {
        return stores;
    }
}
