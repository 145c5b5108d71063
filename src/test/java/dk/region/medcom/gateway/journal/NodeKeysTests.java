package dk.region.medcom.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Nodes sharing one journal (here: the check each node runs at start, on one H2 database) must
 * hold the same keys; the body key may rotate one node at a time.
 */
class NodeKeysTests {

    private final byte[] k1 = BodyKeyRotationTests.randomKey();
    private final byte[] k2 = BodyKeyRotationTests.randomKey();
    private final String cprKey = KeyId.of(BodyKeyRotationTests.randomKey());
    private final String trackingKey = KeyId.of(BodyKeyRotationTests.randomKey());
    private final DataSource database = new DriverManagerDataSource(
            "jdbc:h2:mem:node-keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcClient jdbc = JdbcClient.create(database);

    @BeforeEach
    void migrate() {
        Flyway.configure().dataSource(database).load().migrate();
    }

    @Test
    void theFirstNodeRecordsItsKeyIdsNeverItsKeys() {
        start(new BodyCipher(k1), cprKey, trackingKey);

        assertThat(jdbc.sql("select purpose || '=' || key_id from journal_key order by purpose").query(String.class).list())
                .containsExactly("cpr-hash=" + cprKey, "tracking-id=" + trackingKey);
        assertThat(jdbc.sql("select key_id from journal_body_key").query(String.class).list()).containsExactly(KeyId.of(k1));
        String everything = String.join(" ", jdbc.sql("select key_id from journal_key union all select key_id from journal_body_key")
                .query(String.class).list());
        assertThat(everything).doesNotContain(Base64.getEncoder().encodeToString(k1));
    }

    @Test
    void aSecondNodeWithTheSameKeysStarts() {
        start(new BodyCipher(k1), cprKey, trackingKey);

        assertThatCode(() -> start(new BodyCipher(k1), cprKey, trackingKey)).doesNotThrowAnyException();
    }

    @Test
    void refusesANodeWhoseCprHashKeyDiffersAndSaysWhichKeyAndWhatToDo() {
        start(new BodyCipher(k1), cprKey, trackingKey);
        String otherCprKey = KeyId.of(BodyKeyRotationTests.randomKey());

        assertThatThrownBy(() -> start(new BodyCipher(k1), otherCprKey, trackingKey))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CPR-hash key (key id " + otherCprKey + ")")
                .hasMessageContaining("(key id " + cprKey + ")")
                .hasMessageContaining("Copy gateway.journal.cpr-hash-key")
                .hasMessageNotContaining("tracking-id key");
        // the refused node recorded nothing
        assertThat(new NodeKeys(jdbc).cprHashKeyId()).contains(cprKey);
    }

    @Test
    void refusesANodeWhoseTrackingIdKeyDiffers() {
        start(new BodyCipher(k1), cprKey, trackingKey);

        assertThatThrownBy(() -> start(new BodyCipher(k1), cprKey, KeyId.of(k2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tracking-id key (key id " + KeyId.of(k2) + ")")
                .hasMessageContaining("gateway.ingest.tracking-id-key");
    }

    @Test
    void refusesANodeThatCannotOpenABodyKeyInUse() {
        start(new BodyCipher(k1), cprKey, trackingKey);

        assertThatThrownBy(() -> start(new BodyCipher(k2), cprKey, trackingKey))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot open bodies sealed with body key id " + KeyId.of(k1))
                .hasMessageContaining("gateway.journal.previous-encryption-keys");
        assertThat(new NodeKeys(jdbc).bodyKeyIds()).containsExactly(KeyId.of(k1));
    }

    @Test
    void allowsARollingRotationOfTheBodyKeyAndANodeWithoutTheOldKeyOnlyOnceItIsRetired() {
        // nodes A and B on k1
        start(new BodyCipher(k1), cprKey, trackingKey);
        start(new BodyCipher(k1), cprKey, trackingKey);
        // first every node learns k2 (still sealing with k1), then every node seals with k2, k1 as previous
        start(new BodyCipher(k1, List.of(k2)), cprKey, trackingKey);
        start(new BodyCipher(k1, List.of(k2)), cprKey, trackingKey);
        start(new BodyCipher(k2, List.of(k1)), cprKey, trackingKey);
        start(new BodyCipher(k2, List.of(k1)), cprKey, trackingKey);
        assertThat(new NodeKeys(jdbc).bodyKeyIds()).containsExactlyInAnyOrder(KeyId.of(k1), KeyId.of(k2));

        // a node back on the old configuration cannot open what k2 sealed
        assertThatThrownBy(() -> start(new BodyCipher(k1), cprKey, trackingKey))
                .hasMessageContaining("body key id " + KeyId.of(k2));
        // dropping k1 before it is retired would leave its bodies unreadable
        assertThatThrownBy(() -> start(new BodyCipher(k2), cprKey, trackingKey))
                .hasMessageContaining("body key id " + KeyId.of(k1));
        assertThat(new NodeKeys(jdbc).retireBodyKey(KeyId.of(k2), KeyId.of(k2))).isPresent();
        assertThat(new NodeKeys(jdbc).retireBodyKey(KeyId.of(k1), KeyId.of(k2))).isEmpty();
        assertThatCode(() -> start(new BodyCipher(k2), cprKey, trackingKey)).doesNotThrowAnyException();
    }

    @Test
    void allowsTheQuickRotationTooEachNodeRestartedWithTheNewKeyAndTheOldAsPrevious() {
        start(new BodyCipher(k1), cprKey, trackingKey);
        start(new BodyCipher(k1), cprKey, trackingKey);

        assertThatCode(() -> start(new BodyCipher(k2, List.of(k1)), cprKey, trackingKey)).doesNotThrowAnyException();
        assertThatCode(() -> start(new BodyCipher(k2, List.of(k1)), cprKey, trackingKey)).doesNotThrowAnyException();
    }

    private void start(BodyCipher body, String cprHashKeyId, String trackingIdKeyId) {
        new NodeKeys(jdbc).checkAndRecord(body, cprHashKeyId, trackingIdKeyId);
    }
}
