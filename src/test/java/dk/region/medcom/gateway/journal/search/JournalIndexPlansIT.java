package dk.region.medcom.gateway.journal.search;

import dk.region.medcom.gateway.journal.MessageState;
import dk.region.medcom.gateway.testing.BenchPostgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every search the API offers is answered from an index on PostgreSQL, shown by the planner's own
 * plans over a journal of 100,000 messages. Starts a real PostgreSQL server on loopback with
 * bench/postgres.sh (Debian's package, installed when missing), as the crash test does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalIndexPlansIT {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private BenchPostgres postgres;
    private JdbcClient jdbc;

    @BeforeAll
    void startPostgres() throws Exception {
        postgres = BenchPostgres.start("plans");
        jdbc = JdbcClient.create(postgres.database());
        fill();
    }

    @AfterAll
    void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    static Stream<Arguments> searches() {
        return Stream.of(
                search("letter id", criteria("LET00004711", null, null, null, null, null, null), "message_letter_idx"),
                search("envelope id", criteria(null, "ENV00004711", null, null, null, null, null), "message_envelope_idx"),
                search("sender", criteria(null, null, "5790000100017", null, null, null, null), "message_sender_idx"),
                // as bench/api-search-10m.sh asks: one sender's week, newest first
                search("sender and a time range", new SearchCriteria(null, null, "5790000100017", null, null, null, null,
                        NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(23))), "message_sender_idx"),
                search("receiver", criteria(null, null, null, "5790000200117", null, null, null), "message_receiver_idx"),
                search("municipality", criteria(null, null, null, null, "751", null, null), "message_municipality_idx"),
                // a type is a quarter of all messages: walking the time index newest first and stopping
                // at the page's 20th match is as good as the type index, and the planner may take either
                search("type", criteria(null, null, null, null, null, "XREF15", null),
                        "message_(type|received)_idx"),
                search("state", criteria(null, null, null, null, null, null, MessageState.DEAD_LETTER),
                        "message_state_idx"),
                search("time range", new SearchCriteria(null, null, null, null, null, null, null,
                        NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1))), "message_received_idx"),
                search("newest first, no criteria", criteria(null, null, null, null, null, null, null),
                        "message_received_idx"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("searches")
    void everySearchIsAnsweredFromAnIndex(String what, SearchCriteria criteria, String indexPattern) {
        JournalSearch.Filter filter = JournalSearch.filter(criteria);
        String plan = explain(JournalSearch.pageSql(filter), filter.params(), Map.of("limit", 20, "offset", 0L));
        assertThat(plan).as(plan).containsPattern(indexPattern).doesNotContain("Seq Scan");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherQueries")
    void theOtherLookUpsAreAnsweredFromAnIndexToo(String what, String sql, Map<String, Object> params, String index) {
        String plan = explain(sql, params, Map.of());
        assertThat(plan).as(plan).containsPattern(index).doesNotContain("Seq Scan");
    }

    static Stream<Arguments> otherQueries() {
        return Stream.of(
                Arguments.of("patient by CPR hash", JournalSearch.BY_CPR_HASH_SQL, Map.of("hash", hash(4711)),
                        "message_cpr_idx"),
                Arguments.of("receipts overdue", JournalSearch.UNACKNOWLEDGED_SQL,
                        Map.of("cutoff", Timestamp.from(NOW.minus(Duration.ofHours(24)))), "message_(ack|state)_idx"),
                Arguments.of("receipts overdue, a page", JournalSearch.UNACKNOWLEDGED_PAGE_SQL,
                        Map.of("cutoff", Timestamp.from(NOW.minus(Duration.ofHours(24))), "limit", 50, "offset", 0),
                        "message_(ack|state)_idx"),
                Arguments.of("a message's history", "select at, stage, state, detail from message_event"
                        + " where tracking_id = :id order by id", Map.of("id", trackingId(4711)),
                        "message_event_tracking_idx"));
    }

    private String explain(String sql, Map<String, Object> params, Map<String, Object> more) {
        List<String> lines = jdbc.sql("explain " + sql).params(params).params(more).query(String.class).list();
        return String.join("\n", lines);
    }

    /**
     * 100,000 messages over 100 days: 200 senders, 300 receivers, 98 municipalities, 4 types, one
     * patient per 50 messages; the newest 2,000 delivered and waiting for their receipt, most others
     * acknowledged, 4 % quarantined, 1 % dead letters; 5 events each.
     */
    private void fill() {
        jdbc.sql("""
                insert into message (tracking_id, source, received_at, updated_at, state, size_bytes, message_type,
                  version_code, envelope_id, letter_id, sender_location, receiver_location, recipient_location,
                  municipality, cpr_hash, ack_requested, delivered_at, acknowledged_at)
                select md5('t' || i)::uuid::text, 'folder', t.now - i * interval '86 seconds', t.now,
                  case when i % 100 = 0 then 'DEAD_LETTER' when i % 100 > 95 then 'QUARANTINED'
                       when i <= 2000 then 'DELIVERED' else 'ACKNOWLEDGED' end,
                  3000, (array['XDIS91','XREF15','GGOP','DIS91'])[1 + i % 4], 'XD9134L',
                  'ENV' || lpad(i::text, 8, '0'), 'LET' || lpad(i::text, 8, '0'),
                  (5790000100000 + (i % 200) * 17)::text, (5790000200000 + (i % 300) * 117)::text,
                  (5790000200000 + (i % 300) * 117)::text, (101 + i % 98)::text, md5('cpr' || (i / 50)),
                  true, t.now - i * interval '86 seconds' + interval '1 second',
                  case when i > 2000 then t.now - i * interval '86 seconds' + interval '1 minute' end
                from generate_series(1, 100000) i, (select cast(:now as timestamp with time zone) as now) t""").param("now", Timestamp.from(NOW)).update();
        jdbc.sql("""
                insert into message_event (tracking_id, at, stage, state)
                select m.tracking_id, m.received_at, s.stage, 'PARSED' from message m
                cross join (values ('parse'), ('validate'), ('route'), ('translate'), ('deliver')) s(stage)""").update();
        jdbc.sql("analyze").update();
    }

    private static Arguments search(String what, SearchCriteria criteria, String index) {
        return Arguments.of(what, criteria, index);
    }

    private static SearchCriteria criteria(String letterId, String envelopeId, String sender, String receiver,
                                           String municipality, String type, MessageState state) {
        return new SearchCriteria(letterId, envelopeId, sender, receiver, municipality, type, state, null, null);
    }

    private static String hash(int patient) {
        return md5("cpr" + patient / 50);
    }

    private static String trackingId(int i) {
        String hex = md5("t" + i);
        return UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")).toString();
    }

    private static String md5(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
