package dk.region.medcom.gateway.ingest;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claims on the files of a shared inbox/ (table {@code inbox_claim}, one row per file a node
 * is taking). A claim is one insert, so of two nodes exactly one gets it; its node refreshes it
 * every {@code orphanAfter / 6}; a claim not refreshed for {@code orphanAfter} (its node died) is
 * taken over by one conditional update. Not camel-sql's JdbcOrphanLockAwareIdempotentRepository:
 * it takes a claim over by a count and then an update, so two nodes polling a new file at once
 * could both take it (seen in SharedInboxTests).
 */
final class InboxClaimRepository extends ServiceSupport implements IdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(InboxClaimRepository.class);

    private final JdbcClient jdbc;
    private final Duration orphanAfter;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService refresher;

    InboxClaimRepository(DataSource dataSource, Duration orphanAfter) {
        this.jdbc = JdbcClient.create(dataSource);
        this.orphanAfter = orphanAfter;
    }

    @Override
    public boolean add(String file) {
        Timestamp now = now();
        try {
            jdbc.sql("insert into inbox_claim (processorName, messageId, createdAt) values (:p, :file, :now)")
                    .param("p", InboxClaims.PROCESSOR).param("file", file).param("now", now).update();
        } catch (DataIntegrityViolationException claimed) {
            int takenOver = jdbc.sql("""
                    update inbox_claim set createdAt = :now
                    where processorName = :p and messageId = :file and createdAt < :stale""")
                    .param("now", now).param("p", InboxClaims.PROCESSOR).param("file", file)
                    .param("stale", stale(now)).update();
            if (takenOver == 0) {
                return false;
            }
        }
        held.add(file);
        return true;
    }

    @Override
    public boolean contains(String file) {
        return jdbc.sql("select count(*) from inbox_claim where processorName = :p and messageId = :file and createdAt >= :stale")
                .param("p", InboxClaims.PROCESSOR).param("file", file).param("stale", stale(now()))
                .query(Long.class).single() > 0;
    }

    @Override
    public boolean remove(String file) {
        held.remove(file);
        return jdbc.sql("delete from inbox_claim where processorName = :p and messageId = :file")
                .param("p", InboxClaims.PROCESSOR).param("file", file).update() > 0;
    }

    @Override
    public boolean confirm(String file) {
        return true;
    }

    @Override
    public void clear() {
        held.clear();
        jdbc.sql("delete from inbox_claim where processorName = :p").param("p", InboxClaims.PROCESSOR).update();
    }

    @Override
    protected void doStart() {
        clearStale();
        long every = orphanAfter.toMillis() / 6;
        refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "inbox-claims");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** This node is alive: its claims stay its own. And the claims of nodes that are not go. */
    void refresh() {
        Timestamp now = now();
        try {
            for (String file : held) {
                jdbc.sql("update inbox_claim set createdAt = :now where processorName = :p and messageId = :file")
                        .param("now", now).param("p", InboxClaims.PROCESSOR).param("file", file).update();
            }
            clearStale();
        } catch (RuntimeException e) {
            LOG.warn("inbox claims not refreshed (journal database): {}", e.toString());
        }
    }

    /**
     * Deletes the claims no node refreshes any more (a node stopped before its delayed release ran,
     * or died): they are free anyway, and left alone they would stay in the table for good once their
     * file is gone. At start and with every refresh, so a node that died is cleaned up after while
     * the other runs on. A claim taken over meanwhile is fresh again and stays.
     */
    private void clearStale() {
        jdbc.sql("delete from inbox_claim where processorName = :p and createdAt < :stale")
                .param("p", InboxClaims.PROCESSOR).param("stale", stale(now())).update();
    }

    private Timestamp stale(Timestamp now) {
        return new Timestamp(now.getTime() - orphanAfter.toMillis());
    }

    private static Timestamp now() {
        return new Timestamp(System.currentTimeMillis());
    }
}
