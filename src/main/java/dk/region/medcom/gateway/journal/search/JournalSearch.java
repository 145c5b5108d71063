package dk.region.medcom.gateway.journal.search;

import dk.region.medcom.gateway.journal.MessageSummary;
import dk.region.medcom.gateway.journal.MessageState;
import dk.region.medcom.gateway.journal.JournalRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Searches the journal. Every criterion has an index (see V2 migration). */
@Repository
public class JournalSearch {

    static final String SUMMARY_COLUMNS = """
            tracking_id, state, received_at, updated_at, message_type, message_format, envelope_id, letter_id, sender_location,
            receiver_location, recipient_location, municipality, delivered_at
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    JournalSearch(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A search's where clause (empty, or starting with " where") and its parameters. */
    record Filter(String where, Map<String, Object> params) {
    }

    /** Unacknowledged receipts: answered from message_ack_idx. */
    private static final String UNACKNOWLEDGED_WHERE =
            " where state = 'DELIVERED' and ack_requested = true and acknowledged_at is null and delivered_at < :cutoff";
    static final String UNACKNOWLEDGED_SQL = "select " + SUMMARY_COLUMNS + " from message" + UNACKNOWLEDGED_WHERE
            + " order by delivered_at";
    static final String UNACKNOWLEDGED_PAGE_SQL = unacknowledgedPageSql(UNACKNOWLEDGED_WHERE);
    /** A patient's messages by the keyed hash of the CPR number: answered from message_cpr_idx. */
    static final String BY_CPR_HASH_SQL =
            "select " + SUMMARY_COLUMNS + " from message where cpr_hash = :hash order by received_at desc";

    /** The most matches a search counts (see {@link Page}). */
    public static final int COUNT_LIMIT = 1_000;

    public Page<MessageSummary> search(SearchCriteria criteria, int page, int size) {
        Filter filter = filter(criteria);
        // counted up to the limit: an index range read of at most COUNT_LIMIT + 1 entries, whatever the journal's size
        long counted = jdbc.sql("select count(*) from (select 1 from message" + filter.where() + " limit "
                        + (COUNT_LIMIT + 1) + ") matches").params(filter.params())
                .query(Long.class).single();
        List<MessageSummary> items = jdbc.sql(pageSql(filter))
                .params(filter.params()).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> summary(rs)).list();
        return new Page<>(page, size, Math.min(counted, COUNT_LIMIT), counted > COUNT_LIMIT, items);
    }

    static Filter filter(SearchCriteria criteria) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        equal(where, params, "letter_id", criteria.letterId());
        equal(where, params, "envelope_id", criteria.envelopeId());
        equal(where, params, "sender_location", criteria.sender());
        equal(where, params, "receiver_location", criteria.receiver());
        equal(where, params, "municipality", criteria.municipality());
        type(where, params, criteria.type());
        equal(where, params, "state", criteria.state() == null ? null : criteria.state().name());
        if (criteria.from() != null) {
            where.add("received_at >= :from");
            params.put("from", Timestamp.from(criteria.from()));
        }
        if (criteria.to() != null) {
            where.add("received_at < :to");
            params.put("to", Timestamp.from(criteria.to()));
        }
        if (criteria.senderScope() != null) {
            if (criteria.senderScope().isEmpty()) {
                where.add("1 = 0");
            } else {
                where.add("sender_location in (:senderScope)");
                params.put("senderScope", List.copyOf(criteria.senderScope()));
            }
        }
        return new Filter(where.isEmpty() ? "" : " where " + String.join(" and ", where), params);
    }

    /** One page of a search, newest first; parameters {@code limit} and {@code offset} besides the filter's. */
    static String pageSql(Filter filter) {
        return "select " + SUMMARY_COLUMNS + " from message" + filter.where()
                + " order by received_at desc, tracking_id limit :limit offset :offset";
    }

    /** Delivered messages that asked for a receipt and have had none for longer than {@code timeout}. */
    public List<MessageSummary> unacknowledged(Duration timeout) {
        return jdbc.sql(UNACKNOWLEDGED_SQL)
                .param("cutoff", Timestamp.from(clock.instant().minus(timeout)))
                .query((rs, n) -> summary(rs)).list();
    }

    /**
     * One page of the overdue receipts (as {@link #unacknowledged}), the longest waiting first, and how
     * many there are: a region's backlog after a recipient's outage can be tens of thousands, so the
     * console never loads them all. {@code senderScope} as in {@link SearchCriteria} (null: every sender).
     */
    public Page<MessageSummary> unacknowledged(Duration timeout, Set<String> senderScope, int page, int size) {
        Filter scope = overdue(senderScope);
        Timestamp cutoff = Timestamp.from(clock.instant().minus(timeout));
        List<MessageSummary> items = jdbc.sql(unacknowledgedPageSql(scope.where()))
                .params(scope.params()).param("cutoff", cutoff).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> summary(rs)).list();
        return new Page<>(page, size, overdueCount(timeout, senderScope), items);
    }

    /**
     * The receipts that became overdue between {@code from} (null: ever) and {@code cutoff}: delivered
     * messages that asked for one, delivered in [from, cutoff), with none yet; the longest waiting
     * first, at most {@code limit}. From message_ack_idx, as {@link #unacknowledged}.
     */
    public List<MessageSummary> overdueBetween(Instant from, Instant cutoff, int limit) {
        String where = UNACKNOWLEDGED_WHERE + (from == null ? "" : " and delivered_at >= :from");
        JdbcClient.StatementSpec query = jdbc.sql(unacknowledgedPageSql(where))
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit).param("offset", 0L);
        if (from != null) {
            query = query.param("from", Timestamp.from(from));
        }
        return query.query((rs, n) -> summary(rs)).list();
    }

    /** How many receipts are overdue (as {@link #unacknowledged}): read from message_ack_idx alone. */
    public long overdueCount(Duration timeout, Set<String> senderScope) {
        Filter scope = overdue(senderScope);
        return jdbc.sql("select count(*) from message" + scope.where()).params(scope.params())
                .param("cutoff", Timestamp.from(clock.instant().minus(timeout))).query(Long.class).single();
    }

    private static Filter overdue(Set<String> senderScope) {
        Filter scope = filter(new SearchCriteria(null, null, null, null, null, null, null, null, null, senderScope));
        return new Filter(UNACKNOWLEDGED_WHERE + scope.where().replaceFirst("^ where", " and"), scope.params());
    }

    /**
     * The page's tracking ids first, from message_ack_idx alone (it ends in delivered_at, tracking_id),
     * then their rows: H2 does not see that the index's order serves the sort after its
     * "acknowledged_at is null", and sorting the whole rows of 40,000 overdue took 1.3 s.
     */
    static String unacknowledgedPageSql(String where) {
        return "select " + SUMMARY_COLUMNS + " from message where tracking_id in (select tracking_id from message"
                + where + " order by delivered_at, tracking_id limit :limit offset :offset)"
                + " order by delivered_at, tracking_id";
    }

    /** How many messages of one type, received as one form, are in one state. */
    public record Count(MessageState state, String receivedType, long messages) {
    }

    /**
     * Messages received since {@code since}, counted by state and type as received: from
     * message_received_idx. {@code senderScope} as in {@link SearchCriteria} (null: every sender).
     */
    public List<Count> countsSince(Instant since, Set<String> senderScope) {
        Filter filter = filter(new SearchCriteria(null, null, null, null, null, null, null, since, null, senderScope));
        return jdbc.sql("select state, message_type, message_format, count(*) as messages from message" + filter.where()
                        + " group by state, message_type, message_format")
                .params(filter.params())
                .query((rs, n) -> new Count(MessageState.valueOf(rs.getString("state")),
                        MessageSummary.asReceived(rs.getString("message_type"), rs.getString("message_format")),
                        rs.getLong("messages")))
                .list();
    }

    List<MessageSummary> byCprHash(String hash) {
        return jdbc.sql(BY_CPR_HASH_SQL).param("hash", hash).query((rs, n) -> summary(rs)).list();
    }

    /**
     * A type in the user's terms: an XML type (XDIS91) finds the letters of that type in whatever
     * form they came (the journal keeps every message's XML type); an EDIFACT type (DIS91) finds
     * those that came as EDIFACT.
     */
    private static void type(List<String> where, Map<String, Object> params, String type) {
        if (type == null || type.isBlank()) {
            return;
        }
        String asked = type.trim().toUpperCase(java.util.Locale.ROOT);
        if (asked.startsWith("X")) {
            equal(where, params, "message_type", asked);
        } else {
            equal(where, params, "message_type", "X" + asked);
            equal(where, params, "message_format", "EDIFACT");
        }
    }

    private static void equal(List<String> where, Map<String, Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.add(column + " = :" + column);
            params.put(column, value.trim());
        }
    }

    static MessageSummary summary(ResultSet rs) throws SQLException {
        return new MessageSummary(rs.getString("tracking_id"), MessageState.valueOf(rs.getString("state")),
                JournalRows.instant(rs, "received_at"), JournalRows.instant(rs, "updated_at"),
                rs.getString("message_type"), MessageSummary.asReceived(rs.getString("message_type"),
                        rs.getString("message_format")), rs.getString("envelope_id"), rs.getString("letter_id"),
                rs.getString("sender_location"), rs.getString("receiver_location"),
                rs.getString("recipient_location"), rs.getString("municipality"),
                JournalRows.instant(rs, "delivered_at"));
    }
}
