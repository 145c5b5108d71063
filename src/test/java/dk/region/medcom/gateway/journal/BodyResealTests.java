package dk.region.medcom.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.TrackingId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * After a rotation the journal's bodies sealed with the previous key still open, and the re-seal
 * (keys reseal) moves them, and those from before key ids, to the current key in restartable
 * batches, after which the previous key can be retired and dropped.
 */
class BodyResealTests {

    private final byte[] k1 = BodyKeyRotationTests.randomKey();
    private final byte[] k2 = BodyKeyRotationTests.randomKey();
    private final DataSource database = new DriverManagerDataSource(
            "jdbc:h2:mem:reseal-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcClient jdbc = JdbcClient.create(database);
    private final List<JournalWriter> writers = new ArrayList<>();

    @BeforeEach
    void migrate() {
        Flyway.configure().dataSource(database).load().migrate();
    }

    @AfterEach
    void stopWriters() throws InterruptedException {
        for (JournalWriter writer : writers) {
            writer.destroy();
        }
    }

    @Test
    void bodiesSealedWithThePreviousKeyOpenAfterRotationAndAreResealedInBatches() {
        List<TrackingId> ids = new ArrayList<>();
        Journal before = journal(new BodyCipher(k1));
        for (int i = 0; i < 5; i++) {
            TrackingId id = TrackingId.newId();
            before.received(id, "folder", letter(i));
            ids.add(id);
        }
        // one row from before key ids
        jdbc.sql("update message_body set key_id = null where tracking_id = :id").param("id", ids.get(0).value()).update();

        BodyCipher rotated = new BodyCipher(k2, List.of(k1));
        Journal after = journal(rotated);
        TrackingId fresh = TrackingId.newId();
        after.received(fresh, "folder", letter(9));
        for (int i = 0; i < 5; i++) {
            assertThat(after.original(ids.get(i))).contains(letter(i));
        }
        BodyReseal reseal = new BodyReseal(jdbc, rotated);
        assertThat(reseal.countsByKeyId()).isEqualTo(Map.of(BodyReseal.NO_KEY_ID, 1L, KeyId.of(k1), 4L, KeyId.of(k2), 1L));

        // batches of two: 2, 2, 1, each after the last one's position; the fresh body is left alone
        BodyReseal.Batch first = reseal.resealBatch(BodyReseal.START, 2);
        assertThat(first.resealed()).isEqualTo(2);
        assertThat(first.next()).isNotNull();
        // stopped here and run again from the start: restartable, nothing done twice
        int resealed = first.resealed();
        BodyReseal.Position at = BodyReseal.START;
        while (at != null) {
            BodyReseal.Batch batch = reseal.resealBatch(at, 2);
            assertThat(batch.failed()).isEmpty();
            resealed += batch.resealed();
            at = batch.next();
        }
        assertThat(resealed).isEqualTo(5);
        assertThat(reseal.countsByKeyId()).isEqualTo(Map.of(KeyId.of(k2), 6L));

        // k1 can now be retired and dropped: every body opens with k2 alone
        assertThat(new BodyReseal(jdbc, rotated).resealBatch(BodyReseal.START, 10).resealed()).isZero();
        Journal withoutK1 = journal(new BodyCipher(k2));
        for (int i = 0; i < 5; i++) {
            assertThat(withoutK1.original(ids.get(i))).contains(letter(i));
        }
        assertThat(withoutK1.original(fresh)).contains(letter(9));
    }

    @Test
    void aBodyNoKeyOpensIsCountedByItsKeyIdAndLeftAsItWas() {
        Journal before = journal(new BodyCipher(k1));
        TrackingId id = TrackingId.newId();
        before.received(id, "folder", letter(1));
        byte[] ciphertext = jdbc.sql("select ciphertext from message_body").query(byte[].class).single();

        BodyReseal.Batch batch = new BodyReseal(jdbc, new BodyCipher(k2)).resealBatch(BodyReseal.START, 10);

        assertThat(batch.resealed()).isZero();
        assertThat(batch.failed()).isEqualTo(Map.of(KeyId.of(k1), 1));
        assertThat(batch.next()).isNull();
        assertThat(jdbc.sql("select ciphertext from message_body").query(byte[].class).single()).isEqualTo(ciphertext);
    }

    @Test
    void aBodyKeyIsNotRetiredWhileABodyIsSealedWithItOrBeforeKeyIds() {
        new NodeKeys(jdbc).checkAndRecord(new BodyCipher(k1), "00000000", "11111111");
        journal(new BodyCipher(k1)).received(TrackingId.newId(), "folder", letter(1));
        NodeKeys keys = new NodeKeys(jdbc);

        assertThat(keys.retireBodyKey(KeyId.of(k1), KeyId.of(k2))).hasValueSatisfying(why -> assertThat(why)
                .contains("1 journal bodies are sealed with key id " + KeyId.of(k1)).contains("keys reseal"));
        jdbc.sql("update message_body set key_id = null").update();
        assertThat(keys.retireBodyKey(KeyId.of(k1), KeyId.of(k2))).isPresent();
        assertThat(keys.bodyKeyIds()).containsExactly(KeyId.of(k1));
    }

    private Journal journal(BodyCipher cipher) {
        JournalWriter writer = TestJournals.writer(new DataSourceTransactionManager(database), new SimpleMeterRegistry());
        writers.add(writer);
        return new Journal(new NamedParameterJdbcTemplate(database), new TestJournals.MovableClock(),
                new BodyStore(jdbc, cipher), new CprHasher(k1), writer);
    }

    private static byte[] letter(int n) {
        return ("<Emessage><Id>" + n + "</Id><CivilRegistrationNumber>0101904016</CivilRegistrationNumber></Emessage>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
