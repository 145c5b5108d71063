package dk.region.medcom.gateway.journal.maintenance;

import dk.region.medcom.gateway.testing.JournalNodes;
import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.TestJournals;
import dk.region.medcom.gateway.message.TrackingId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two gateway nodes (two Spring contexts, each with its own JournalRetention and the production
 * SchedulerLocks) on one journal database: retention runs on one node at a time, and the other
 * takes over once the first one's lease has lapsed.
 */
class JournalRetentionLockTests {

    private static final byte[] LETTER = "<Emessage/>".getBytes(StandardCharsets.UTF_8);

    private final DataSource database = new DriverManagerDataSource(
            "jdbc:h2:mem:retention-lock-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcClient jdbc = JdbcClient.create(database);
    private final TestJournals.MovableClock clock = new TestJournals.MovableClock();
    private AnnotationConfigApplicationContext nodeA;
    private AnnotationConfigApplicationContext nodeB;

    @AfterEach
    void stop() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void retentionRunsOnOneNodeAtATimeAndTheOtherTakesOverWhenTheLeaseLapses() {
        Flyway.configure().dataSource(database).load().migrate();
        nodeA = JournalNodes.node(database, clock, Duration.ofHours(24), JournalRetention.class);
        nodeB = JournalNodes.node(database, clock, Duration.ofHours(24), JournalRetention.class);
        Journal journal = TestJournals.journal(new NamedParameterJdbcTemplate(database), jdbc, clock,
                TestJournals.writer(new DataSourceTransactionManager(database), new SimpleMeterRegistry()));
        TrackingId first = TrackingId.newId();
        journal.received(first, "folder", LETTER);
        clock.advance(Duration.ofDays(40));

        nodeA.getBean(JournalRetention.class).scheduled();
        assertThat(journal.find(first)).isEmpty();
        assertThat(pruned(nodeA)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from shedlock where name = 'journal-retention'").query(Long.class).single())
                .isOne();

        // node B's timer fires while node A holds the lease (at least a minute after its run): B skips
        TrackingId second = TrackingId.newId();
        journal.received(second, "folder", LETTER);
        clock.advance(Duration.ofDays(40));
        nodeB.getBean(JournalRetention.class).scheduled();
        assertThat(journal.find(second)).isPresent();
        assertThat(pruned(nodeB)).isZero();

        // node A's lease lapses (as when its node dies and lockAtMostFor passes): B takes over
        jdbc.sql("update shedlock set lock_until = :past where name = 'journal-retention'")
                .param("past", Timestamp.from(java.time.Instant.now().minusSeconds(1))).update();
        nodeB.getBean(JournalRetention.class).scheduled();
        assertThat(journal.find(second)).isEmpty();
        assertThat(pruned(nodeB)).isEqualTo(1);
    }


    private static double pruned(AnnotationConfigApplicationContext node) {
        return node.getBean(MeterRegistry.class).counter("medcom.journal.rows.pruned").count();
    }
}
