package dk.region.medcom.gateway.journal.maintenance;

import dk.region.medcom.gateway.journal.JournalProperties;
import dk.region.medcom.gateway.journal.MessageSummary;
import dk.region.medcom.gateway.journal.search.JournalSearch;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches for receipts that do not come: delivered messages that asked for one and have none after
 * {@code gateway.journal.ack-timeout}. Keeps the gauge {@code medcom.messages.unacknowledged} and
 * writes one WARN line per such message (identifiers only), once, at most 1,000 a round.
 *
 * <p>With several nodes on one journal: every node sets its gauge, counted from the shared journal,
 * so all nodes' gauges say the same (the alert rule takes the {@code max} over nodes). The WARN
 * lines come from one node a round, the one that gets the lock {@value #LOCK} (SchedulerLocks), and
 * each message is named once by whichever node: what has been named is in the journal
 * ({@code overdue_receipt_mark}: every overdue receipt delivered before its time), not in a node.
 */
@Component
public class UnacknowledgedCheck {

    private static final Logger LOG = LoggerFactory.getLogger("medcom.pipeline");
    static final int NAMED_AT_MOST = 1000;
    static final String LOCK = "overdue-receipts";
    /** A node that dies while it names frees the lock after this. */
    private static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(10);

    private final JournalSearch search;
    private final JournalProperties properties;
    private final LockProvider locks;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong overdue = new AtomicLong();

    UnacknowledgedCheck(JournalSearch search, JournalProperties properties, MeterRegistry meters, LockProvider locks,
                        JdbcClient jdbc, Clock clock) {
        this.search = search;
        this.properties = properties;
        this.locks = locks;
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("medcom.messages.unacknowledged", overdue, AtomicLong::get)
                .description("Delivered messages whose receipt is overdue").register(meters);
    }

    @Scheduled(initialDelayString = "${gateway.journal.ack-check-interval:PT5M}",
            fixedDelayString = "${gateway.journal.ack-check-interval:PT5M}")
    public void check() {
        // every node: counted from the shared journal (an outage's backlog can be large: counted in the index)
        overdue.set(search.overdueCount(properties.ackTimeout(), null));
        // one node: no lockAtLeastFor, the mark alone keeps a second node's round from naming them again
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), LOCK, LOCK_AT_MOST_FOR, Duration.ZERO));
        if (lock.isEmpty()) {
            return;
        }
        try {
            nameTheNewlyOverdue();
        } finally {
            lock.get().unlock();
        }
    }

    /** Names the receipts that became overdue since the last round, on any node, and moves the mark on. */
    private void nameTheNewlyOverdue() {
        Instant cutoff = clock.instant().minus(properties.ackTimeout());
        Optional<Instant> named = jdbc.sql("select warned_up_to from overdue_receipt_mark where name = :name")
                .param("name", LOCK).query(Timestamp.class).optional().map(Timestamp::toInstant);
        if (named.isPresent() && !named.get().isBefore(cutoff)) {
            return; // another node's clock is ahead: it named these already
        }
        List<MessageSummary> late = search.overdueBetween(named.orElse(null), cutoff, NAMED_AT_MOST + 1);
        for (MessageSummary message : late.subList(0, Math.min(late.size(), NAMED_AT_MOST))) {
            LOG.warn("no receipt within {}: tracking={} envelope={} recipient={}", properties.ackTimeout(),
                    message.trackingId(), message.envelopeId(), message.recipientLocation());
        }
        if (late.size() > NAMED_AT_MOST) {
            LOG.warn("more than {} receipts became overdue since the last check; the others are not named here:"
                    + " GET /api/messages/unacknowledged", NAMED_AT_MOST);
        }
        Timestamp mark = Timestamp.from(cutoff);
        if (named.isPresent()) {
            jdbc.sql("update overdue_receipt_mark set warned_up_to = :mark where name = :name")
                    .param("mark", mark).param("name", LOCK).update();
        } else {
            try {
                jdbc.sql("insert into overdue_receipt_mark (name, warned_up_to) values (:name, :mark)")
                        .param("name", LOCK).param("mark", mark).update();
            } catch (DuplicateKeyException raced) {
                // a node whose lock ran out meanwhile wrote it: its mark is as good
            }
        }
    }
}
