package dk.region.medcom.gateway.journal.maintenance;

import dk.region.medcom.gateway.journal.JournalProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prunes the journal on a schedule: bodies of messages older than
 * {@code gateway.journal.retention.bodies-after} (the row and its history stay, marked), whole
 * messages older than {@code rows-after}. Counts both in {@code medcom.journal.bodies.pruned} and
 * {@code medcom.journal.rows.pruned}. The CPR search audit is kept.
 */
@Component
public class JournalRetention {

    private static final Logger LOG = LoggerFactory.getLogger(JournalRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JournalProperties.Retention retention;
    private final Counter bodiesPruned;
    private final Counter rowsPruned;

    JournalRetention(JdbcClient jdbc, Clock clock, JournalProperties properties,
                     MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = properties.retention();
        this.bodiesPruned = Counter.builder("medcom.journal.bodies.pruned")
                .description("Message bodies deleted by retention").register(meters);
        this.rowsPruned = Counter.builder("medcom.journal.rows.pruned")
                .description("Messages deleted with their history by retention").register(meters);
    }

    /** What one run pruned. */
    public record Pruned(int bodies, int rows) {
    }

    /**
     * On one node at a time (SchedulerLocks); held at least a minute after a run, so that two nodes
     * whose timers fire close together do not both prune, and at most 30 minutes should its node die.
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${gateway.journal.retention.interval:PT1H}")
    @SchedulerLock(name = "journal-retention", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
    public void scheduled() {
        Pruned pruned = prune();
        if (pruned.bodies() > 0 || pruned.rows() > 0) {
            LOG.info("journal retention: pruned {} bodies and {} messages", pruned.bodies(), pruned.rows());
        }
    }

    @Transactional
    public Pruned prune() {
        Instant now = clock.instant();
        Timestamp bodyCutoff = Timestamp.from(now.minus(retention.bodiesAfter()));
        Timestamp rowCutoff = Timestamp.from(now.minus(retention.rowsAfter()));
        int bodies = jdbc.sql("""
                delete from message_body where tracking_id in (select tracking_id from message where received_at < :cutoff)""")
                .param("cutoff", bodyCutoff).update();
        jdbc.sql("update message set bodies_pruned_at = :now where received_at < :cutoff and bodies_pruned_at is null")
                .param("now", Timestamp.from(now)).param("cutoff", bodyCutoff).update();
        // a message's history goes with it; the other stages' rows (letters seen, receipts kept) cascade
        jdbc.sql("delete from message_event where tracking_id in (select tracking_id from message where received_at < :cutoff)")
                .param("cutoff", rowCutoff).update();
        int rows = jdbc.sql("delete from message where received_at < :cutoff").param("cutoff", rowCutoff).update();
        bodiesPruned.increment(bodies);
        rowsPruned.increment(rows);
        return new Pruned(bodies, rows);
    }
}
