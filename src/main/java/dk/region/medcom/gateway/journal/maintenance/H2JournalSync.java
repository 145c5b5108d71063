package dk.region.medcom.gateway.journal.maintenance;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Forces the embedded H2 journal's file to disk every interval ({@code CHECKPOINT SYNC}).
 *
 * <p>Why: H2 writes each commit to the file but never syncs it, so its pages pile up in the page
 * cache until the kernel writes them out in bulk, 30 s later. On one file system with the broker,
 * every fsync of the broker's journal then waited behind that backlog: the several hundred
 * millisecond stalls in the latency tail (docs/performance.md). Synced every interval, H2's backlog
 * stays small. It also bounds what a power failure can take from the H2 journal to about one
 * interval of commits, where it was up to half a minute. Only for the H2 file database (PostgreSQL
 * syncs its log on every commit).
 */
public final class H2JournalSync {

    private static final Logger LOG = LoggerFactory.getLogger(H2JournalSync.class);

    private final JdbcTemplate jdbc;
    private final Timer syncs;
    private final RepeatedFailureLog failures = new RepeatedFailureLog(LOG, "journal sync");

    public H2JournalSync(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.syncs = Timer.builder("medcom.journal.syncs")
                .description("Syncs of the H2 journal file to disk")
                .register(meters);
    }

    @Scheduled(initialDelayString = "${gateway.journal.h2-sync-interval}",
            fixedDelayString = "${gateway.journal.h2-sync-interval}")
    public void sync() {
        try {
            long start = System.nanoTime();
            jdbc.execute("CHECKPOINT SYNC");
            syncs.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            failures.succeeded();
        } catch (DataAccessException e) {
            // the next run tries again
            failures.failed(e.getMostSpecificCause());
        }
    }
}
