package dk.region.medcom.gateway.journal;

import dk.region.medcom.gateway.message.TrackingIdKey;
import dk.region.medcom.gateway.files.GatewayProperties;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The gateway's secrets: the body encryption key, the CPR hash key and the tracking id key. */
@Configuration(proxyBeanMethods = false)
public class JournalKeys {

    /** Seals bodies in the journal, on the broker and in quarantine/; the previous keys only open. */
    @Bean
    BodyCipher bodyCipher(JournalProperties properties, GatewayProperties folders) {
        Path file = bodyKeyFile(folders.dataDir());
        return new BodyCipher(KeyFile.configuredOrGenerated(properties.encryptionKey(), file, "journal encryption"),
                KeyFile.previous(properties.previousEncryptionKeys(), "journal encryption"));
    }

    /**
     * The check that this node holds the keys of the other nodes sharing its journal (run once, at
     * start, after Flyway: the JdbcClient waits for it); a node that does not, fails to start.
     */
    @Bean
    NodeKeys nodeKeys(JdbcClient jdbc, BodyCipher body, CprHasher cprHasher, TrackingIdKey trackingIdKey) {
        NodeKeys keys = new NodeKeys(jdbc);
        keys.checkAndRecord(body, cprHasher.keyId(), KeyId.of(trackingIdKey.bytes()));
        return keys;
    }

    @Bean
    BodyStore bodyStore(JdbcClient jdbc, BodyCipher cipher) {
        return new BodyStore(jdbc, cipher);
    }

    /**
     * The body key as the gateway finds it, for tools run beside it (the CLI): {@code configured}
     * (gateway.journal.encryption-key) when set, else the key file under the data folder. Never
     * makes a key.
     */
    public static BodyCipher existingBodyCipher(String configured, Path dataDir) {
        return existingBodyCipher(configured, List.of(), dataDir);
    }

    /** As above, with the previous keys (gateway.journal.previous-encryption-keys) to open with. */
    public static BodyCipher existingBodyCipher(String configured, List<String> previous, Path dataDir) {
        return new BodyCipher(KeyFile.configuredOrExisting(configured, bodyKeyFile(dataDir), "journal encryption"),
                KeyFile.previous(previous, "journal encryption"));
    }

    private static Path bodyKeyFile(Path dataDir) {
        return dataDir.resolve("journal").resolve("body-encryption.key");
    }

    @Bean
    CprHasher cprHasher(JournalProperties properties, GatewayProperties folders) {
        Path file = keyFolder(folders).resolve("cpr-hash.key");
        return new CprHasher(KeyFile.configuredOrGenerated(properties.cprHashKey(), file, "CPR hash"));
    }

    /** The key that makes the tracking ids of files unguessable (message/TrackingId#keyed). */
    @Bean
    TrackingIdKey trackingIdKey(@Value("${gateway.ingest.tracking-id-key:}") String configured, GatewayProperties folders) {
        Path file = keyFolder(folders).resolve("tracking-id.key");
        return new TrackingIdKey(KeyFile.configuredOrGenerated(configured, file, "tracking id"));
    }

    /** The tracking id key as the gateway finds it, for tools run beside it; never makes a key. */
    public static TrackingIdKey existingTrackingIdKey(String configured, Path dataDir) {
        return new TrackingIdKey(KeyFile.configuredOrExisting(configured,
                dataDir.resolve("journal").resolve("tracking-id.key"), "tracking id"));
    }

    private static Path keyFolder(GatewayProperties folders) {
        return folders.dataDir().resolve("journal");
    }
}
