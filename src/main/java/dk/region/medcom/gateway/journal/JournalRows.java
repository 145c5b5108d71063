package dk.region.medcom.gateway.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Reads journal rows into entries. */
public final class JournalRows {

    private JournalRows() {
    }

    public static JournalEntry entry(ResultSet rs, List<JournalEntry.Event> history) throws SQLException {
        return new JournalEntry(rs.getString("tracking_id"), rs.getString("source"), instant(rs, "received_at"),
                instant(rs, "updated_at"), MessageState.valueOf(rs.getString("state")), rs.getLong("size_bytes"),
                rs.getString("message_format"), rs.getString("message_type"), rs.getString("version_code"),
                rs.getString("envelope_id"), rs.getString("letter_id"), rs.getString("sender_location"),
                rs.getString("receiver_location"), rs.getString("recipient_location"), rs.getString("municipality"),
                rs.getBoolean("ack_requested"), instant(rs, "delivered_at"), instant(rs, "acknowledged_at"),
                instant(rs, "handled_at"), rs.getString("resent_from"), rs.getString("resent_as"),
                instant(rs, "bodies_pruned_at"), history);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
