package dk.region.medcom.gateway.receipts;

import dk.region.medcom.gateway.journal.JournalWriter;
import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.TrackingId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The receipts sent, one per original message and outcome, so a duplicate, or the message itself
 * redelivered after a crash, gets exactly the same receipt again. A receipt kept from before an
 * operator released the message belongs to the earlier outcome: it is not sent again, and the
 * new outcome's receipt replaces it.
 */
class ReceiptStore {

    record Sent(ReceiptKind kind, String receiptId, String toLocation, MessageFormat format, byte[] body) {
    }

    private final JdbcClient jdbc;
    private final JournalWriter writer;
    private final Clock clock;

    ReceiptStore(JdbcClient jdbc, JournalWriter writer, Clock clock) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.clock = clock;
    }

    /** A kept receipt from before the message's latest release. */
    private static final String STALE = """
            exists (select 1 from message_event e where e.tracking_id = r.original_tracking_id
                    and e.state = 'RELEASED' and e.at >= r.sent_at)""";

    /**
     * Keeps the receipt for a message's outcome (with the route's journal writes); a stored one of
     * the same outcome stays, one from before a release is replaced.
     */
    void keep(TrackingId original, Sent sent) {
        Timestamp at = Timestamp.from(clock.instant());
        writer.write(() -> {
            jdbc.sql("delete from receipt_sent r where r.original_tracking_id = :id and " + STALE)
                    .param("id", original.value()).update();
            jdbc.sql("""
                    insert into receipt_sent (original_tracking_id, kind, receipt_id, to_location, format, body, sent_at)
                    select :id, :kind, :receiptId, :to, :format, :body, :at
                    where not exists (select 1 from receipt_sent where original_tracking_id = :id)""")
                    .param("id", original.value()).param("kind", sent.kind().name()).param("receiptId", sent.receiptId())
                    .param("to", sent.toLocation()).param("format", sent.format().name()).param("body", sent.body())
                    .param("at", at)
                    .update();
        });
    }

    /** The receipt kept for the message's current outcome, if one was sent. */
    Optional<Sent> find(TrackingId original) {
        return jdbc.sql("select kind, receipt_id, to_location, format, body from receipt_sent r"
                        + " where r.original_tracking_id = :id and not " + STALE)
                .param("id", original.value())
                .query((rs, n) -> new Sent(ReceiptKind.valueOf(rs.getString("kind")), rs.getString("receipt_id"),
                        rs.getString("to_location"), MessageFormat.valueOf(rs.getString("format")), rs.getBytes("body")))
                .optional();
    }
}
