package dk.region.medcom.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.testing.BenchPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two gateway nodes write one PostgreSQL journal, each through its own JournalWriter. A real
 * PostgreSQL on loopback (bench/postgres.sh), since the race below is PostgreSQL's: an insert
 * waits for another transaction's uncommitted row with the same key, then fails on it.
 */
class TwoNodeJournalIT {

    private static BenchPostgres postgres;
    private static DriverManagerDataSource database;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() throws Exception {
        postgres = BenchPostgres.start("nodes");
        database = postgres.database();
        jdbc = JdbcClient.create(database);
        jdbc.sql("create table written (id varchar(36) primary key)").update();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    /**
     * Node B's HTTP request commits a message's row while node A's pipeline, which took the message
     * from the queue before that commit, inserts the same row (it found none). The pipeline waits
     * for B's commit, then finds the row and goes on. Before, its commit failed on the key, and that
     * was taken for a refusal of the data: bench/cluster.sh test quarantined 113 of 4,900 valid
     * letters as JOURNAL-REFUSED.
     */
    @Test
    void thePipelineFindsTheRowTheOtherNodesRequestCommittedMeanwhile() throws Exception {
        JournalWriter nodeA = writer();
        Journal journalA = new Journal(new NamedParameterJdbcTemplate(database), Clock.systemUTC(), null, null, nodeA);
        TrackingId id = TrackingId.newId();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            CompletableFuture<Void> httpOnB = CompletableFuture.runAsync(() -> new TransactionTemplate(
                    new DataSourceTransactionManager(database)).executeWithoutResult(status -> {
                        jdbc.sql("insert into message (tracking_id, source, received_at, updated_at, state, size_bytes)"
                                + " values (:id, 'http', current_timestamp, current_timestamp, 'RECEIVED', 2654)")
                                .param("id", id.value()).update();
                        inserted.countDown();
                        hold(release);
                    }));
            assertThat(inserted.await(20, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> pipelineOnA = CompletableFuture.runAsync(() -> {
                try {
                    nodeA.inTransaction(() -> {
                        journalA.received(id, "http", 2654);
                        return true;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(20, TimeUnit.SECONDS).until(() -> waitingForALock() == 1);
            release.countDown();
            httpOnB.get(20, TimeUnit.SECONDS);

            pipelineOnA.get(20, TimeUnit.SECONDS);
            assertThat(jdbc.sql("select count(*) from message where tracking_id = :id").param("id", id.value())
                    .query(Integer.class).single()).isEqualTo(1);
        } finally {
            release.countDown();
            nodeA.destroy();
        }
    }

    /**
     * Other keys two nodes may race for, e.g. two arrivals of one letter recording it as first seen
     * at once: the loser's commit fails on the key, but that may pass. Its redelivery finds the
     * winner's row (and the letter is a duplicate), so it is no refusal of the data, whose letter
     * would be quarantined (JOURNAL-REFUSED).
     */
    @Test
    void aKeyTheOtherNodeTookMeanwhileIsNotARefusalOfTheData() throws Exception {
        JournalWriter nodeA = writer();
        JournalWriter nodeB = writer();
        TrackingId id = TrackingId.newId();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            CompletableFuture<Void> httpOnB = CompletableFuture.runAsync(() -> route(nodeB, id, () -> {
                inserted.countDown();
                hold(release); // B's transaction stays open with its row
            }));
            assertThat(inserted.await(20, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> pipelineOnA = CompletableFuture.runAsync(() -> route(nodeA, id, () -> { }));
            await().atMost(20, TimeUnit.SECONDS).until(() -> waitingForALock() == 1);
            release.countDown();
            httpOnB.get(20, TimeUnit.SECONDS);

            assertThat(pipelineOnA).failsWithin(20, TimeUnit.SECONDS).withThrowableThat().havingRootCause()
                    .isInstanceOfSatisfying(JournalWriteFailed.class, e -> assertThat(e.permanent()).isFalse());
            assertThat(nodeA.refusedBefore(id)).as("quarantined when it comes again").isFalse();

            route(nodeA, id, () -> { }); // the redelivery
            assertThat(rowsOf(id)).isEqualTo(1);
        } finally {
            release.countDown();
            nodeA.destroy();
            nodeB.destroy();
        }
    }

    private static JournalWriter writer() {
        return new JournalWriter(new DataSourceTransactionManager(database), new SimpleMeterRegistry(), Duration.ZERO);
    }

    /** A route's journal transaction that inserts the message's row unless it is there, as Journal does. */
    private static void route(JournalWriter writer, TrackingId id, Runnable afterInsert) {
        try {
            writer.inTransaction(() -> {
                writer.change(new RowChange(id), change -> {
                    jdbc.sql("insert into written (id) select :id where not exists (select 1 from written where id = :id)")
                            .param("id", id.value()).update();
                    afterInsert.run();
                });
                return true;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void hold(CountDownLatch release) {
        try {
            release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int rowsOf(TrackingId id) {
        return jdbc.sql("select count(*) from written where id = :id").param("id", id.value()).query(Integer.class).single();
    }

    private static int waitingForALock() {
        return jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'").query(Integer.class).single();
    }
}
