package dk.region.medcom.gateway.journal.search;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.journal.MessageSummary;
import dk.region.medcom.gateway.journal.TestJournals;
import dk.region.medcom.gateway.message.TrackingId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The overdue receipts as a work queue: a backlog after a recipient's outage is paged and counted in
 * the database, never loaded whole (issue #18: at 40,000 overdue the dashboard took 2.7 s).
 */
@JdbcTest
class OverdueReceiptsTests {

    private static final Duration TIMEOUT = Duration.ofHours(24);

    @Autowired
    JdbcClient jdbc;

    private final TestJournals.MovableClock clock = new TestJournals.MovableClock();
    private JournalSearch search;

    @BeforeEach
    void fill() {
        search = new JournalSearch(jdbc, clock);
        Instant start = clock.instant();
        // 120 delivered letters waiting for their receipt, one a minute, from two senders; then one
        // acknowledged and one delivered too recently to be late
        for (int i = 0; i < 120; i++) {
            insert(start.plus(Duration.ofMinutes(i)), i % 3 == 0 ? "5790000100019" : "5790000200016", null);
        }
        insert(start, "5790000100019", start.plus(Duration.ofHours(1)));
        clock.advance(Duration.ofDays(2));
        insert(clock.instant().minus(Duration.ofHours(1)), "5790000100019", null);
    }

    @Test
    void theBacklogIsCountedWholeAndServedAPageAtATimeLongestWaitingFirst() {
        Page<MessageSummary> first = search.unacknowledged(TIMEOUT, null, 0, 50);
        Page<MessageSummary> last = search.unacknowledged(TIMEOUT, null, 2, 50);

        assertThat(first.total()).isEqualTo(120);
        assertThat(first.items()).hasSize(50);
        assertThat(last.items()).hasSize(20);
        assertThat(first.items().get(0).deliveredAt()).isBefore(first.items().get(49).deliveredAt());
        assertThat(last.items().get(19).deliveredAt()).isEqualTo(clock.instant().minus(Duration.ofDays(2))
                .plus(Duration.ofMinutes(119)));
        assertThat(search.unacknowledged(TIMEOUT)).hasSize(120);
    }

    @Test
    void aSenderCountsAndSeesOnlyItsOwn() {
        Page<MessageSummary> own = search.unacknowledged(TIMEOUT, Set.of("5790000100019"), 0, 500);

        assertThat(own.total()).isEqualTo(40);
        assertThat(own.items()).hasSize(40).allMatch(m -> m.senderLocation().equals("5790000100019"));
        assertThat(search.unacknowledged(TIMEOUT, Set.of(), 0, 50).total()).isZero();
    }

    private void insert(Instant deliveredAt, String sender, Instant acknowledgedAt) {
        TrackingId id = TrackingId.newId();
        jdbc.sql("""
                        insert into message (tracking_id, source, received_at, updated_at, state, size_bytes, message_type,
                          sender_location, ack_requested, delivered_at, acknowledged_at)
                        values (:id, 'folder', :at, :at, :state, 100, 'XDIS91', :sender, true, :at, :ack)""")
                .param("id", id.value()).param("at", Timestamp.from(deliveredAt))
                .param("state", acknowledgedAt == null ? "DELIVERED" : "ACKNOWLEDGED").param("sender", sender)
                .param("ack", acknowledgedAt == null ? null : Timestamp.from(acknowledgedAt)).update();
    }
}
