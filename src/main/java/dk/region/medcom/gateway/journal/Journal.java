package dk.region.medcom.gateway.journal;

import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.TrackingId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of every message and every step it took. Writes are idempotent so that a message
 * redelivered by the broker after a crash does not create a second record.
 */
@Repository
public class Journal {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Journal(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Registers a new message; a second call for the same tracking id does nothing. */
    @Transactional
    public void received(TrackingId id, String source, long sizeBytes) {
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.sql("""
                insert into message (tracking_id, source, received_at, updated_at, state, size_bytes)
                select :id, :source, :now, :now, 'RECEIVED', :size
                where not exists (select 1 from message where tracking_id = :id)""")
                .param("id", id.value()).param("source", source).param("now", now).param("size", sizeBytes)
                .update();
        if (inserted == 1) {
            addEvent(id, "ingest", MessageState.RECEIVED, null, now);
        }
    }

    /** Records a step: the message's new state, what is now known about it, and the step's findings. */
    @Transactional
    public void record(TrackingId id, String stage, MessageState state, MessageFormat format, MessageHeader header,
                       String recipientLocation, String detail) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update message set state = :state, updated_at = :now,
                  message_format = coalesce(:format, message_format),
                  message_type = coalesce(:type, message_type), version_code = coalesce(:version, version_code),
                  envelope_id = coalesce(:envelope, envelope_id), letter_id = coalesce(:letter, letter_id),
                  sender_location = coalesce(:sender, sender_location),
                  receiver_location = coalesce(:receiver, receiver_location),
                  recipient_location = coalesce(:recipient, recipient_location)
                where tracking_id = :id""")
                .param("state", state.name()).param("now", now)
                .param("format", format == null ? null : format.name())
                .param("type", header == MessageHeader.UNKNOWN ? null : header.messageType())
                .param("version", header.versionCode()).param("envelope", header.envelopeId())
                .param("letter", header.letterId()).param("sender", header.senderLocation())
                .param("receiver", header.receiverLocation()).param("recipient", recipientLocation)
                .param("id", id.value())
                .update();
        addEvent(id, stage, state, detail, now);
    }

    public Optional<JournalEntry> find(TrackingId id) {
        List<JournalEntry.Event> history = jdbc.sql(
                        "select at, stage, state, detail from message_event where tracking_id = :id order by id")
                .param("id", id.value())
                .query((rs, n) -> new JournalEntry.Event(instant(rs, "at"), rs.getString("stage"),
                        MessageState.valueOf(rs.getString("state")), rs.getString("detail")))
                .list();
        return jdbc.sql("select * from message where tracking_id = :id")
                .param("id", id.value())
                .query((rs, n) -> entry(rs, history))
                .optional();
    }

    private void addEvent(TrackingId id, String stage, MessageState state, String detail, Timestamp at) {
        jdbc.sql("insert into message_event (tracking_id, at, stage, state, detail) values (:id, :at, :stage, :state, :detail)")
                .param("id", id.value()).param("at", at).param("stage", stage).param("state", state.name())
                .param("detail", detail == null ? null : truncate(detail))
                .update();
    }

    private static String truncate(String detail) {
        return detail.length() <= 8000 ? detail : detail.substring(0, 7990) + " [...]";
    }

    private static JournalEntry entry(ResultSet rs, List<JournalEntry.Event> history) throws SQLException {
        return new JournalEntry(rs.getString("tracking_id"), rs.getString("source"), instant(rs, "received_at"),
                instant(rs, "updated_at"), MessageState.valueOf(rs.getString("state")), rs.getLong("size_bytes"),
                rs.getString("message_format"), rs.getString("message_type"), rs.getString("version_code"),
                rs.getString("envelope_id"), rs.getString("letter_id"), rs.getString("sender_location"),
                rs.getString("receiver_location"), rs.getString("recipient_location"), history);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
