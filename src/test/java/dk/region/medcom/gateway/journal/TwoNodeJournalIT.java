package dk.region.medcom.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.testing.BenchPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two gateway nodes write one PostgreSQL journal, each through its own JournalWriter. A real
 * PostgreSQL on loopback (bench/postgres.sh), since the race below is PostgreSQL's: an insert
 * waits for another transaction's uncommitted row with the same key, then fails on it.
 */
class TwoNodeJournalIT {

    private static Path work;
    private static DriverManagerDataSource database;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() throws Exception {
        work = Files.createTempDirectory(Path.of("/tmp"), "medcom-pg-nodes");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        BenchPostgres.run("WORK=" + work + " PG_PORT=" + port + "; start_postgres");
        database = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + port + "/medcom", "medcom", "medcom-bench");
        jdbc = JdbcClient.create(database);
        jdbc.sql("create table written (id varchar(36) primary key)").update();
    }

    @AfterAll
    static void stop() throws Exception {
        BenchPostgres.run("PG_DIR=" + work.resolve("pgdata") + "; stop_postgres; rm -rf " + work);
    }

    /**
     * Node B's HTTP request commits a message's row while node A's pipeline, which took the message
     * from the queue before that commit, inserts the same row (it found none). A's commit fails on
     * the key, but that may pass: the redelivery finds B's row. It was taken for a refusal of the
     * data and the letter quarantined (JOURNAL-REFUSED): bench/cluster.sh test quarantined 115 of
     * 4,900 valid letters so.
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
                try {
                    release.await(20, TimeUnit.SECONDS); // B's transaction stays open with its row
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
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

    private static int rowsOf(TrackingId id) {
        return jdbc.sql("select count(*) from written where id = :id").param("id", id.value()).query(Integer.class).single();
    }

    private static int waitingForALock() {
        return jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'").query(Integer.class).single();
    }
}
