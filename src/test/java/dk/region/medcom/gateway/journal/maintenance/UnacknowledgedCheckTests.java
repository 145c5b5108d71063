package dk.region.medcom.gateway.journal.maintenance;

import dk.region.medcom.gateway.testing.JournalNodes;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dk.region.medcom.gateway.journal.TestJournals;
import dk.region.medcom.gateway.journal.search.JournalSearch;
import dk.region.medcom.gateway.message.TrackingId;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two gateway nodes (two Spring contexts, each with its own UnacknowledgedCheck and the production
 * SchedulerLocks) on one journal database: each overdue receipt is named in the log once, by one
 * node, whichever node's round comes first; both nodes' gauges count them all.
 */
class UnacknowledgedCheckTests {

    private static final Duration TIMEOUT = Duration.ofHours(24);

    private final DataSource database = new DriverManagerDataSource(
            "jdbc:h2:mem:overdue-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcClient jdbc = JdbcClient.create(database);
    private final TestJournals.MovableClock clock = new TestJournals.MovableClock();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private AnnotationConfigApplicationContext nodeA;
    private AnnotationConfigApplicationContext nodeB;

    @BeforeEach
    void start() {
        Flyway.configure().dataSource(database).load().migrate();
        log.start();
        ((Logger) LoggerFactory.getLogger("medcom.pipeline")).addAppender(log);
        nodeA = JournalNodes.node(database, clock, TIMEOUT, JournalSearch.class, UnacknowledgedCheck.class);
        nodeB = JournalNodes.node(database, clock, TIMEOUT, JournalSearch.class, UnacknowledgedCheck.class);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("medcom.pipeline")).detachAppender(log);
        nodeA.close();
        nodeB.close();
    }

    @Test
    void eachOverdueReceiptIsNamedOnceByOneNodeAndBothGaugesCountThem() {
        String first = delivered(clock.instant().minus(Duration.ofHours(30)));
        String notYet = delivered(clock.instant().minus(Duration.ofHours(1)));

        check(nodeA);
        check(nodeB);
        assertThat(named()).containsExactly(first);
        assertThat(gauge(nodeA)).isEqualTo(1);
        assertThat(gauge(nodeB)).isEqualTo(1);

        // a day on: the second is overdue too; whichever node's round comes, only it is named
        clock.advance(Duration.ofHours(24));
        check(nodeB);
        check(nodeA);
        check(nodeB);
        assertThat(named()).containsExactly(first, notYet);
        assertThat(gauge(nodeA)).isEqualTo(2);
        assertThat(gauge(nodeB)).isEqualTo(2);
    }

    @Test
    void aNodeThatDoesNotGetTheLockCountsButNamesNothing() {
        String overdue = delivered(clock.instant().minus(Duration.ofHours(30)));
        // node A is naming right now (it holds the lock)
        jdbc.sql("insert into shedlock (name, lock_until, locked_at, locked_by) values (:n, :until, :now, 'node-a')")
                .param("n", UnacknowledgedCheck.LOCK).param("until", Timestamp.from(Instant.now().plusSeconds(600)))
                .param("now", Timestamp.from(Instant.now())).update();

        check(nodeB);
        assertThat(named()).isEmpty();
        assertThat(gauge(nodeB)).isEqualTo(1);

        jdbc.sql("update shedlock set lock_until = :past").param("past", Timestamp.from(Instant.now().minusSeconds(1))).update();
        check(nodeB);
        assertThat(named()).containsExactly(overdue);
    }

    private String delivered(Instant at) {
        String id = TrackingId.newId().value();
        jdbc.sql("""
                        insert into message (tracking_id, source, received_at, updated_at, state, size_bytes, message_type,
                          envelope_id, recipient_location, ack_requested, delivered_at)
                        values (:id, 'folder', :at, :at, 'DELIVERED', 100, 'XDIS91', 'E1', '5790001000011', true, :at)""")
                .param("id", id).param("at", Timestamp.from(at)).update();
        return id;
    }

    private List<String> named() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.startsWith("no receipt within"))
                .map(line -> line.replaceFirst(".*tracking=(\\S+) .*", "$1")).toList();
    }

    private static void check(AnnotationConfigApplicationContext node) {
        node.getBean(UnacknowledgedCheck.class).check();
    }

    private static double gauge(AnnotationConfigApplicationContext node) {
        return node.getBean(MeterRegistry.class).get("medcom.messages.unacknowledged").gauge().value();
    }

}
