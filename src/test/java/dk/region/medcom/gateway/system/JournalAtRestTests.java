package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.region.medcom.gateway.journal.BodyKind;
import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.JournalKeys;
import dk.region.medcom.gateway.journal.MessageState;
import dk.region.medcom.gateway.message.TrackingId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What someone with a copy of the journal database sees: identifiers, never a CPR number or a letter in clear. */
@GatewayIntegrationTest
class JournalAtRestTests extends GatewayTestSupport {

    private static final String SAMPLE_CPR = "0101904016";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Journal journal;

    @Test
    void keepsEveryFormOfADeliveredMessageEncryptedAndNoCprInClearAnywhereInTheDatabase() throws Exception {
        String marker = uniqueEnvelopeId();
        byte[] original = sampleWithEnvelopeId(EntryPointsTests.VALID_XDIS91, marker);
        assertThat(new String(original, StandardCharsets.UTF_8)).as("the sample carries the CPR").contains(SAMPLE_CPR);
        drop("at-rest.xml", original);
        Path delivered = awaitFileContaining(outbox(EntryPointsTests.RECIPIENT), marker);
        TrackingId id = new TrackingId(trackingIdOf(delivered));
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.find(id)
                .map(e -> e.state() == MessageState.DELIVERED).orElse(false));

        Map<BodyKind, byte[]> bodies = journal.bodies(id);
        assertThat(bodies.get(BodyKind.ORIGINAL)).isEqualTo(original);
        assertThat(bodies.get(BodyKind.OUTBOUND)).isEqualTo(Files.readAllBytes(delivered));
        assertThat(jdbc.sql("select cpr_hash from message where tracking_id = :id").param("id", id.value())
                .query(String.class).single()).hasSize(64);

        List<String> cells = everyCellOfEveryTable();
        assertThat(cells).as("cells read").hasSizeGreaterThan(50);
        assertThat(cells).noneMatch(cell -> cell.contains(SAMPLE_CPR));
        assertThat(cells).as("the marker is findable, so the search works").anyMatch(cell -> cell.contains(marker));

        // the node recorded its keys' ids at start and sealed with its body key, whose id each body row names
        String bodyKeyId = JournalKeys.existingBodyCipher(null, DATA_DIR).currentKeyId();
        assertThat(jdbc.sql("select key_id from message_body where tracking_id = :id").param("id", id.value())
                .query(String.class).list()).containsOnly(bodyKeyId);
        assertThat(jdbc.sql("select key_id from journal_body_key").query(String.class).list()).containsExactly(bodyKeyId);
        assertThat(jdbc.sql("select purpose from journal_key order by purpose").query(String.class).list())
                .containsExactly("cpr-hash", "tracking-id");
        for (String keyFile : List.of("body-encryption.key", "cpr-hash.key", "tracking-id.key")) {
            String key = Files.readString(DATA_DIR.resolve("journal").resolve(keyFile)).trim();
            assertThat(cells).as("no key in the journal").noneMatch(cell -> cell.contains(key));
        }
    }

    /** Every column of every row of every table, text as text and binary decoded byte for byte. */
    private List<String> everyCellOfEveryTable() {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = 'PUBLIC' and table_type in ('BASE TABLE', 'TABLE')""")
                .query(String.class).list();
        assertThat(tables).contains("MESSAGE", "MESSAGE_BODY", "MESSAGE_EVENT", "CPR_SEARCH_AUDIT");
        List<String> cells = new ArrayList<>();
        for (String table : tables) {
            jdbc.sql("select * from \"" + table + "\"").query((ResultSet rs) -> {
                ResultSetMetaData meta = rs.getMetaData();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    Object value = rs.getObject(c);
                    cells.add(value instanceof byte[] bytes
                            ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value));
                }
            });
        }
        return cells;
    }
}
