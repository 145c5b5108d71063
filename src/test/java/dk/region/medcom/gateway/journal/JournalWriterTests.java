package dk.region.medcom.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The route's journal transaction and the group commit, on a real (in-memory) database. */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class JournalWriterTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private JournalWriter writer;

    @BeforeEach
    void table() {
        jdbc.sql("create table if not exists written (id varchar(16) primary key)").update();
        jdbc.sql("delete from written").update();
        writer = new JournalWriter(transactions, meters, Duration.ZERO);
    }

    @AfterEach
    void stop() throws InterruptedException {
        writer.destroy();
    }

    @Test
    void writesInARouteAreHeldUntilItEndsThenCommitted() throws Exception {
        writer.inTransaction(() -> {
            writer.write(() -> insert("a"));
            writer.write(() -> insert("b"));
            assertThat(ids()).as("held while the route runs").isEmpty();
            return true;
        });
        assertThat(ids()).containsExactly("a", "b");
    }

    @Test
    void aRouteThatFailsWritesNothing() {
        assertThatThrownBy(() -> writer.inTransaction(() -> {
            writer.write(() -> insert("a"));
            throw new IllegalStateException("the route failed");
        })).hasMessage("the route failed");
        assertThat(ids()).isEmpty();
    }

    @Test
    void aRouteThatEndsWithAnErrorOnItsExchangeWritesNothing() throws Exception {
        writer.inTransaction(() -> {
            writer.write(() -> insert("a"));
            return false;
        });
        assertThat(ids()).isEmpty();
    }

    @Test
    void aWriteOutsideARouteRunsAtOnce() {
        writer.write(() -> insert("now"));
        assertThat(ids()).containsExactly("now");
    }

    @Test
    void anInnerTransactionJoinsTheOuterOne() throws Exception {
        writer.inTransaction(() -> {
            writer.inTransaction(() -> {
                writer.write(() -> insert("inner"));
                return true;
            });
            assertThat(ids()).as("committed with the outer route").isEmpty();
            return true;
        });
        assertThat(ids()).containsExactly("inner");
    }

    @Test
    void routesThatEndWhileACommitRunsShareTheNextCommit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = route("first", () -> hold(release));
        await().atMost(10, TimeUnit.SECONDS).until(() -> meters.summary("medcom.journal.commit.batch").count() == 1);
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(route("other" + i, () -> { }));
        }
        GroupCommit commit = groupCommitOf(writer);
        await().atMost(10, TimeUnit.SECONDS).until(() -> commit.waiting() == 5);
        release.countDown();
        CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        first.get(10, TimeUnit.SECONDS);

        assertThat(ids()).hasSize(6);
        assertThat(meters.summary("medcom.journal.commit.batch").count()).isEqualTo(2);
        assertThat(meters.summary("medcom.journal.commit.batch").max()).isEqualTo(5);
    }

    @Test
    void withACommitWindowRoutesEndingCloseTogetherShareOneCommit() throws Exception {
        writer.destroy();
        writer = new JournalWriter(transactions, meters, Duration.ofSeconds(2));
        CompletableFuture<Void> first = route("first", () -> { });
        CompletableFuture<Void> second = route("second", () -> { });
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);

        assertThat(ids()).containsExactly("first", "second");
        assertThat(meters.summary("medcom.journal.commit.batch").count()).isEqualTo(1);
        assertThat(meters.summary("medcom.journal.commit.batch").max()).isEqualTo(2);
    }

    @Test
    void aFailingWriteFailsOnlyItsOwnRoute() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> blocker = route("blocker", () -> hold(release));
        await().atMost(10, TimeUnit.SECONDS).until(() -> meters.summary("medcom.journal.commit.batch").count() == 1);
        CompletableFuture<Void> good1 = route("good1", () -> { });
        CompletableFuture<Void> bad = route("longer than sixteen", () -> { });
        CompletableFuture<Void> good2 = route("good2", () -> { });
        await().atMost(10, TimeUnit.SECONDS).until(() -> groupCommitOf(writer).waiting() == 3);
        release.countDown();

        blocker.get(10, TimeUnit.SECONDS);
        good1.get(10, TimeUnit.SECONDS);
        good2.get(10, TimeUnit.SECONDS);
        assertThat(bad).failsWithin(10, TimeUnit.SECONDS).withThrowableThat().havingRootCause()
                .isInstanceOfSatisfying(JournalWriteFailed.class, e -> assertThat(e.permanent()).isTrue());
        assertThat(ids()).containsExactlyInAnyOrder("blocker", "good1", "good2");
    }

    /** A route on its own thread that writes {@code id}; {@code during} runs inside the commit. */
    private CompletableFuture<Void> route(String id, Runnable during) {
        return CompletableFuture.runAsync(() -> {
            try {
                writer.inTransaction(() -> {
                    writer.write(() -> {
                        during.run();
                        insert(id);
                    });
                    return true;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static GroupCommit groupCommitOf(JournalWriter writer) {
        return writer.groupCommit();
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void insert(String id) {
        jdbc.sql("insert into written (id) values (:id)").param("id", id).update();
    }

    private List<String> ids() {
        return jdbc.sql("select id from written order by id").query(String.class).list();
    }

    /**
     * A value the database refuses (here one too long for its column) can never be written: the route
     * hears so without the value (the database's message quotes it), and the message is remembered as
     * refused, so its redelivery is quarantined instead of failing the same way again.
     */
    @Test
    void aWriteTheDatabaseRefusesForItsDataIsPermanentRememberedAndNamesNoValue() {
        dk.region.medcom.gateway.message.TrackingId id = dk.region.medcom.gateway.message.TrackingId.newId();
        String value = "0101701234" + "X".repeat(20);

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> writer.inTransaction(() -> {
            writer.change(new RowChange(id), change -> insert(value));
            return true;
        }));

        assertThat(thrown).isInstanceOfSatisfying(JournalWriteFailed.class, e -> {
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains(id.value()).contains("SQLState 22001").doesNotContain("0101701234");
            assertThat(e.getCause()).isNull();
        });
        assertThat(writer.refusedBefore(id)).isTrue();
        assertThat(writer.refusedBefore(dk.region.medcom.gateway.message.TrackingId.newId())).isFalse();
    }

    @Test
    void aFailureThatMayPassIsNotPermanent() {
        JournalWriteFailed failed = JournalWriteFailed.of(
                new org.springframework.jdbc.CannotGetJdbcConnectionException("database down"), List.of("t"));

        assertThat(failed.permanent()).isFalse();
    }

    @Test
    void saysWhereAFailureCameFromWithoutItsMessage() {
        IllegalStateException cause = new IllegalStateException("cannot hash 0101701234");
        cause.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.util.Objects", "check", "Objects.java", 10),
                new StackTraceElement("dk.region.medcom.gateway.journal.CprHasher", "hash", "CprHasher.java", 33)});

        JournalWriteFailed failed = JournalWriteFailed.of(new RuntimeException("wrapped", cause), List.of("t"));

        assertThat(failed.getMessage()).endsWith("(RuntimeException, caused by IllegalStateException at CprHasher.java:33)")
                .doesNotContain("0101701234");
    }
}
