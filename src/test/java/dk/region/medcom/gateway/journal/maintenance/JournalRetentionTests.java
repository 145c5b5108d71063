package dk.region.medcom.gateway.journal.maintenance;

import dk.region.medcom.gateway.journal.BodyKind;
import dk.region.medcom.gateway.journal.JournalProperties;
import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.TestJournals;
import dk.region.medcom.gateway.journal.JournalWriter;
import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.TrackingId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Retention on the real schema (Flyway on an in-memory database), with a clock the test moves. */
@JdbcTest
class JournalRetentionTests {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final byte[] LETTER = "<Emessage/>".getBytes(StandardCharsets.UTF_8);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    NamedParameterJdbcTemplate named;
    @Autowired
    PlatformTransactionManager transactions;

    private final TestJournals.MovableClock clock = new TestJournals.MovableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void prunesBodiesAfterNDaysAndRowsAfterMDaysAndCountsBoth() {
        Journal journal = journal();
        JournalRetention retention = new JournalRetention(jdbc, clock, properties(Duration.ofDays(10), Duration.ofDays(30)),
                meters);
        TrackingId old = TrackingId.newId();
        journal.received(old, "folder", LETTER);
        journal.keep(old, BodyKind.OUTBOUND, LETTER);
        jdbc.sql("insert into letter_seen values ('5790000100019', 'ENV1', 'LET1', :id, :at)")
                .param("id", old.value()).param("at", java.sql.Timestamp.from(START)).update();
        jdbc.sql("insert into receipt_sent values (:id, 'POSITIVE', 'K1', '5790000100019', 'XML', :body, :at)")
                .param("id", old.value()).param("body", LETTER).param("at", java.sql.Timestamp.from(START)).update();
        clock.advance(Duration.ofDays(20));
        TrackingId recent = TrackingId.newId();
        journal.received(recent, "folder", LETTER);

        assertThat(retention.prune()).isEqualTo(new JournalRetention.Pruned(2, 0));
        assertThat(journal.bodies(old)).isEmpty();
        assertThat(journal.find(old).orElseThrow().bodiesPrunedAt()).isNotNull();
        assertThat(journal.original(recent)).contains(LETTER);

        clock.advance(Duration.ofDays(15));
        assertThat(retention.prune()).isEqualTo(new JournalRetention.Pruned(1, 1));
        assertThat(journal.find(old)).isEmpty();
        assertThat(jdbc.sql("select count(*) from letter_seen").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from receipt_sent").query(Long.class).single()).isZero();
        assertThat(journal.find(recent)).isPresent();
        assertThat(meters.counter("medcom.journal.bodies.pruned").count()).isEqualTo(3);
        assertThat(meters.counter("medcom.journal.rows.pruned").count()).isEqualTo(1);
    }

    private Journal journal() {
        return TestJournals.journal(named, jdbc, clock, TestJournals.writer(transactions, meters));
    }

    private static JournalProperties properties(Duration bodiesAfter, Duration rowsAfter) {
        return new JournalProperties(null, null, null, Duration.ofHours(24), Duration.ofMinutes(5),
                new JournalProperties.Retention(bodiesAfter, rowsAfter, Duration.ofHours(1)), Duration.ZERO);
    }
}
