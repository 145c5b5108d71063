package dk.region.medcom.gateway.journal.audit;

import dk.region.medcom.gateway.journal.JournalRows;
import dk.region.medcom.gateway.journal.JournalWriter;
import dk.region.medcom.gateway.journal.search.Page;
import dk.region.medcom.gateway.message.Excerpt;
import dk.region.medcom.gateway.message.TrackingId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Records and lists the views of messages' contents (table {@code body_view_audit}). */
@Repository
public class BodyViewAudit {

    /** Through which door the contents were read. */
    public enum Channel { API, CONSOLE }

    /** One view as the audit keeps it. */
    public record BodyView(Instant at, String username, String trackingId, Channel channel, String reason) {
    }

    private static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final JournalWriter writer;
    private final Clock clock;

    BodyViewAudit(JdbcClient jdbc, JournalWriter writer, Clock clock) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.clock = clock;
    }

    /** Written before the contents are shown: a view that cannot be audited is not given. */
    public void viewed(String username, TrackingId id, Channel channel, String reason) {
        Timestamp at = Timestamp.from(clock.instant());
        // a reason is the user's words, kept as said, but never a CPR number and never unbounded
        String kept = reason == null || reason.isBlank() ? null : Excerpt.maskCpr(reason.strip());
        if (kept != null && kept.length() > MAX_REASON) {
            kept = kept.substring(0, MAX_REASON);
        }
        String reasonKept = kept;
        writer.write(() -> jdbc.sql("""
                        insert into body_view_audit (at, username, tracking_id, channel, reason)
                        values (:at, :user, :id, :channel, :reason)""")
                .param("at", at).param("user", username).param("id", id.value())
                .param("channel", channel.name()).param("reason", reasonKept)
                .update());
    }

    /** Newest first. */
    public Page<BodyView> views(int page, int size) {
        long total = jdbc.sql("select count(*) from body_view_audit").query(Long.class).single();
        List<BodyView> items = jdbc.sql("""
                        select at, username, tracking_id, channel, reason from body_view_audit
                        order by id desc limit :limit offset :offset""")
                .param("limit", size).param("offset", (long) page * size)
                .query(BodyViewAudit::row).list();
        return new Page<>(page, size, total, items);
    }

    /** Who read this message's contents, newest first. */
    public List<BodyView> viewsOf(TrackingId id) {
        return jdbc.sql("""
                        select at, username, tracking_id, channel, reason from body_view_audit
                        where tracking_id = :id order by id desc""")
                .param("id", id.value())
                .query(BodyViewAudit::row).list();
    }

    private static BodyView row(java.sql.ResultSet rs, int number) throws java.sql.SQLException {
        return new BodyView(JournalRows.instant(rs, "at"), rs.getString("username"), rs.getString("tracking_id"),
                Channel.valueOf(rs.getString("channel")), rs.getString("reason"));
    }
}
