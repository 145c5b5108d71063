package dk.region.medcom.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.TrackingId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps a route records for one message are merged into one row change (RowChange): the row
 * must end as if each step had been written on its own, with every event in order.
 */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
// its commits stay: a context (and so an in-memory database) of its own keeps them from other tests
@TestPropertySource(properties = "spring.datasource.generate-unique-name=true")
class JournalStepsTests {

    private static final byte[] LETTER = "<Emessage/>".getBytes(StandardCharsets.UTF_8);
    private static final MessageHeader HEADER = new MessageHeader("XDIS91", "XD9134L", null, "ClinicalEmail",
            "ENV-1", "LET-1", "5790000100019", "5790001000011", true);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    NamedParameterJdbcTemplate named;
    @Autowired
    PlatformTransactionManager transactions;

    private final TestJournals.MovableClock clock = new TestJournals.MovableClock();
    private JournalWriter writer;
    private Journal journal;

    @BeforeEach
    void journal() {
        writer = new JournalWriter(transactions, new SimpleMeterRegistry(), Duration.ZERO);
        byte[] key = new byte[32];
        journal = new Journal(named, clock, new BodyStore(jdbc, new BodyCipher(key)), new CprHasher(key), writer);
    }

    @AfterEach
    void stopWriter() throws InterruptedException {
        writer.destroy();
    }

    @Test
    void aRoutesStepsForOneMessageEndAsIfWrittenOneByOne() throws Exception {
        TrackingId id = TrackingId.newId();
        TrackingId other = TrackingId.newId();
        writer.inTransaction(() -> {
            journal.received(id, "folder", LETTER);
            journal.received(other, "folder", LETTER);
            journal.record(id, "parse", MessageState.PARSED, MessageFormat.XML, HEADER, null, null);
            journal.record(other, "parse", MessageState.PARSED, MessageFormat.XML, MessageHeader.UNKNOWN, null, "bad");
            clock.advance(Duration.ofSeconds(1));
            journal.record(id, "validate", MessageState.VALIDATED, MessageFormat.XML, HEADER, null, "a warning");
            journal.municipality(id, "751");
            journal.record(id, "route", MessageState.ROUTED, MessageFormat.XML, HEADER, "5790001000011", null);
            journal.keep(id, BodyKind.OUTBOUND, LETTER);
            clock.advance(Duration.ofSeconds(1));
            journal.record(id, "translate", MessageState.TRANSLATED, null, HEADER, null, null);
            return true;
        });

        JournalEntry entry = journal.find(id).orElseThrow();
        assertThat(entry.state()).isEqualTo(MessageState.TRANSLATED);
        assertThat(entry.updatedAt()).isEqualTo(clock.instant());
        assertThat(entry.format()).isEqualTo("XML");
        assertThat(entry.letterId()).isEqualTo("LET-1");
        assertThat(entry.recipientLocation()).isEqualTo("5790001000011");
        assertThat(entry.municipality()).isEqualTo("751");
        assertThat(entry.acknowledgementRequested()).isTrue();
        assertThat(entry.deliveredAt()).isNull();
        assertThat(entry.history()).extracting(JournalEntry.Event::stage)
                .containsExactly("ingest", "parse", "validate", "route", "translate");
        assertThat(entry.history()).extracting(JournalEntry.Event::detail)
                .containsExactly(null, null, "a warning", null, null);
        assertThat(journal.bodies(id)).containsKeys(BodyKind.ORIGINAL, BodyKind.OUTBOUND);

        JournalEntry second = journal.find(other).orElseThrow();
        assertThat(second.state()).isEqualTo(MessageState.PARSED);
        assertThat(second.messageType()).isNull();
        assertThat(second.history()).extracting(JournalEntry.Event::detail).containsExactly(null, "bad");
    }

    @Test
    void aLaterRouteChangesOnlyWhatItKnowsAndStampsItsState() throws Exception {
        TrackingId id = TrackingId.newId();
        writer.inTransaction(() -> {
            journal.received(id, "folder", LETTER);
            journal.record(id, "parse", MessageState.PARSED, MessageFormat.XML, HEADER, "5790001000011", null);
            return true;
        });
        clock.advance(Duration.ofMinutes(1));
        writer.inTransaction(() -> {
            journal.record(id, "deliver", MessageState.DELIVERED, null, MessageHeader.UNKNOWN, null, null);
            journal.mark(id, "receipts", MessageState.DELIVERED, "positive receipt sent");
            return true;
        });
        clock.advance(Duration.ofMinutes(1));
        journal.mark(id, "receipts", MessageState.ACKNOWLEDGED, "acknowledged");

        JournalEntry entry = journal.find(id).orElseThrow();
        assertThat(entry.state()).isEqualTo(MessageState.ACKNOWLEDGED);
        assertThat(entry.letterId()).isEqualTo("LET-1");
        assertThat(entry.acknowledgementRequested()).isTrue();
        assertThat(entry.deliveredAt()).isEqualTo(clock.instant().minus(Duration.ofMinutes(1)));
        assertThat(entry.acknowledgedAt()).isEqualTo(clock.instant());
        assertThat(entry.history()).extracting(JournalEntry.Event::state).containsExactly(MessageState.RECEIVED,
                MessageState.PARSED, MessageState.DELIVERED, MessageState.DELIVERED, MessageState.ACKNOWLEDGED);
        assertThat(rows("message_event", id)).isEqualTo(5);
    }

    @Test
    void aRouteThatDoesNotCommitLeavesNothing() throws Exception {
        TrackingId id = TrackingId.newId();
        writer.inTransaction(() -> {
            journal.received(id, "folder", LETTER);
            journal.record(id, "parse", MessageState.PARSED, MessageFormat.XML, HEADER, null, null);
            return false;
        });
        assertThat(journal.find(id)).isEmpty();
        assertThat(rows("message_event", id)).isZero();
        assertThat(List.copyOf(journal.bodies(id).keySet())).isEmpty();
    }

    private long rows(String table, TrackingId id) {
        return jdbc.sql("select count(*) from " + table + " where tracking_id = :id").param("id", id.value())
                .query(Long.class).single();
    }
}
