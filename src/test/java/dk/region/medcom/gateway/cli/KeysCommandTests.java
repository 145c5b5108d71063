package dk.region.medcom.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.journal.KeyId;
import java.nio.charset.StandardCharsets;
import dk.region.medcom.gateway.journal.BodyCipher;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.junit.jupiter.api.io.TempDir;

/**
 * keys status / reseal / retire on an H2 journal in a data folder, the keys found as the gateway
 * finds them (the key file, gateway.journal.previous-encryption-keys).
 */
class KeysCommandTests {

    private static final String ID = "01a24af9-0e37-78cb-9ecb-375200053647";
    private static final byte[] LETTER = "<Emessage>0101904016</Emessage>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path data;

    @Test
    void countsTheBodiesPerKeyIdResealsThemWithTheCurrentKeyAndRetiresTheOldOne() throws Exception {
        byte[] oldKey = key();
        byte[] newKey = key();
        String url = "jdbc:h2:file:" + data.resolve("journal").resolve("gateway").toAbsolutePath();
        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            db.createStatement().execute("insert into journal_body_key (key_id, recorded_at) values ('"
                    + KeyId.of(oldKey) + "', current_timestamp)");
            db.createStatement().execute("insert into message (tracking_id, source, received_at, updated_at, state, size_bytes)"
                    + " values ('" + ID + "', 'folder', current_timestamp, current_timestamp, 'RECEIVED', 1)");
            // sealed by the old key before key ids: no key_id
            byte[] iv = new byte[12];
            PreparedStatement insert = db.prepareStatement("insert into message_body (tracking_id, kind, iv, ciphertext, stored_at)"
                    + " values (?, 'ORIGINAL', ?, ?, current_timestamp)");
            insert.setString(1, ID);
            insert.setBytes(2, iv);
            insert.setBytes(3, gcm(oldKey, iv, LETTER, ID + "/ORIGINAL"));
            insert.executeUpdate();
        }
        Files.writeString(data.resolve("journal").resolve("body-encryption.key"), Base64.getEncoder().encodeToString(newKey));
        // this node's quarantine: one original sealed with the old key (MCS2), one from before key ids (MCS1)
        Path quarantine = Files.createDirectories(data.resolve("quarantine"));
        try (OutputStream out = new BodyCipher(oldKey).sealing(Files.newOutputStream(quarantine.resolve(ID + ".xml")), ID + "/QUARANTINE")) {
            out.write(LETTER);
        }
        Files.write(Files.createDirectories(quarantine.resolve("released")).resolve(ID + ".edi"),
                new byte[] {'M', 'C', 'S', '1', 1, 2, 3, 4, 5, 6, 7, 8});
        String dataDir = "--gateway.data-dir=" + data.toAbsolutePath();
        String previous = "--gateway.journal.previous-encryption-keys=" + Base64.getEncoder().encodeToString(oldKey);

        CliTests.Run before = CliTests.runAsTheJar("keys", "status", dataDir, previous);
        CliTests.Run tooEarly = CliTests.runAsTheJar("keys", "retire", KeyId.of(oldKey), dataDir, previous);
        CliTests.Run withoutOldKey = CliTests.runAsTheJar("keys", "reseal", dataDir);
        CliTests.Run reseal = CliTests.runAsTheJar("keys", "reseal", "--batch", "1", dataDir, previous);
        CliTests.Run retire = CliTests.runAsTheJar("keys", "retire", KeyId.of(oldKey), dataDir, previous);

        assertThat(before.exitCode()).as(before.stderr()).isZero();
        assertThat(before.stdout()).contains("body key, current: " + KeyId.of(newKey))
                .contains("body keys, previous: [" + KeyId.of(oldKey) + "]")
                .contains("(none) 1 (sealed before key ids)")
                .contains("per key id (this node's only): {(none)=1, " + KeyId.of(oldKey) + "=1}");
        assertThat(tooEarly.exitCode()).isEqualTo(1);
        assertThat(tooEarly.stdout()).contains("keys reseal");
        assertThat(withoutOldKey.exitCode()).isEqualTo(1);
        assertThat(withoutOldKey.stdout()).contains("0 re-sealed").contains("{(none)=1}");
        assertThat(reseal.exitCode()).as(reseal.stderr()).isZero();
        assertThat(reseal.stdout()).contains("1 re-sealed; after: {" + KeyId.of(newKey) + "=1}");
        assertThat(retire.exitCode()).isZero();
        assertThat(retire.stdout()).contains("retired body key " + KeyId.of(oldKey));
        for (CliTests.Run run : new CliTests.Run[] {before, tooEarly, withoutOldKey, reseal, retire}) {
            assertThat(run.stdout() + run.stderr()).doesNotContain("0101904016")
                    .doesNotContain(Base64.getEncoder().encodeToString(oldKey))
                    .doesNotContain(Base64.getEncoder().encodeToString(newKey));
        }
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             ResultSet row = db.createStatement().executeQuery("select key_id, iv, ciphertext from message_body")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo(KeyId.of(newKey));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(newKey, "AES"), new GCMParameterSpec(128, row.getBytes(2)));
            cipher.updateAAD((ID + "/ORIGINAL").getBytes(StandardCharsets.US_ASCII));
            assertThat(cipher.doFinal(row.getBytes(3))).isEqualTo(LETTER);
        }
    }

    @Test
    void saysWhyWhenThereIsNoKey() {
        CliTests.Run run = CliTests.runAsTheJar("keys", "status", "--gateway.data-dir=" + data.toAbsolutePath());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("no journal encryption key configured");
    }

    @Test
    void saysSoWhenTheJournalHasNoKeyTablesYet() throws Exception {
        Files.createDirectories(data.resolve("journal"));
        Files.writeString(data.resolve("journal").resolve("body-encryption.key"), Base64.getEncoder().encodeToString(key()));

        CliTests.Run run = CliTests.runAsTheJar("keys", "status", "--gateway.data-dir=" + data.toAbsolutePath());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("start the upgraded gateway once first");
    }

    /**
     * The command's Spring context sets the log's root level to WARN. Run in-process after a test's
     * gateway had started, that gateway logged nothing more at INFO (EntryPointsTests failed in CI).
     */
    @Test
    void leavesTheLogLevelsOfItsCallerAsTheyWere() throws Exception {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel("ROOT", LogLevel.INFO);
        Files.createDirectories(data.resolve("journal"));
        Files.writeString(data.resolve("journal").resolve("body-encryption.key"), Base64.getEncoder().encodeToString(key()));

        CliTests.runAsTheJar("keys", "status", "--gateway.data-dir=" + data.toAbsolutePath());

        assertThat(logging.getLoggerConfiguration("ROOT").getEffectiveLevel()).isEqualTo(LogLevel.INFO);
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static byte[] gcm(byte[] key, byte[] iv, byte[] plain, String aad) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(aad.getBytes(StandardCharsets.US_ASCII));
        return cipher.doFinal(plain);
    }
}
