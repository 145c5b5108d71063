package dk.region.medcom.gateway.journal.maintenance;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Reclaims the embedded H2 journal's dead space while the gateway runs.
 *
 * <p>Why by hand: H2 writes every commit as a new chunk of B-tree pages and frees a chunk only
 * once none of its pages is live. Moving the few live pages out of old chunks is the job of H2's
 * background writer, which runs only with a write delay, and a write delay lets a killed gateway
 * lose committed rows; the journal runs with {@code WRITE_DELAY=0}, so nothing compacts and the
 * file grew by about 120 KB per message, most of it dead. Every run here asks H2 to rewrite the
 * live pages of its sparsest chunks that are older than H2's retention time (45 s), then stores
 * them, so those chunks die and H2 writes new chunks into their space. Only for the H2 file
 * database (PostgreSQL reclaims space with autovacuum). Uses H2's {@code MVStore}: public classes
 * outside H2's JDBC API, the same ones H2's own tools use.
 */
public final class H2JournalCompaction {

    private static final Logger LOG = LoggerFactory.getLogger(H2JournalCompaction.class);

    private final DataSource dataSource;
    private final int writeLimitBytes;
    private final Timer runs;
    private final RepeatedFailureLog failures = new RepeatedFailureLog(LOG, "journal compaction");

    /**
     * @param writeLimitBytes live data moved per run at most: bounds how long a run holds H2's
     *                        store lock, which the journal's commits wait for meanwhile
     */
    public H2JournalCompaction(DataSource dataSource, int writeLimitBytes, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.writeLimitBytes = writeLimitBytes;
        this.runs = Timer.builder("medcom.journal.compactions")
                .description("Runs that moved live pages out of old H2 journal chunks; the journal's commits wait meanwhile")
                .register(meters);
    }

    /** One run: moves live pages out of old, mostly dead chunks and stores them. */
    @Scheduled(initialDelayString = "${gateway.journal.h2-compaction.interval}",
            fixedDelayString = "${gateway.journal.h2-compaction.interval}")
    public void compact() {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession())
                    .getDatabase().getStore().getMvStore();
            long start = System.nanoTime();
            // 100: any chunk that is not full; H2 picks the emptiest and oldest first
            if (store.compact(100, writeLimitBytes)) {
                store.commit();
                runs.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
            failures.succeeded();
        } catch (SQLException | RuntimeException e) {
            // the next run tries again
            failures.failed(e);
        }
    }
}
