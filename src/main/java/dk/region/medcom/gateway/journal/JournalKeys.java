package dk.region.medcom.gateway.journal;

import dk.region.medcom.gateway.system.GatewayProperties;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The journal's secrets: the body encryption key and the CPR hash key. */
@Configuration(proxyBeanMethods = false)
public class JournalKeys {

    /** Seals bodies in the journal, on the broker and in quarantine/. */
    @Bean
    BodyCipher bodyCipher(JournalProperties properties, GatewayProperties folders) {
        Path file = bodyKeyFile(folders.dataDir());
        return new BodyCipher(KeyFile.configuredOrGenerated(properties.encryptionKey(), file, "journal encryption"));
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
        return new BodyCipher(KeyFile.configuredOrExisting(configured, bodyKeyFile(dataDir), "journal encryption"));
    }

    private static Path bodyKeyFile(Path dataDir) {
        return dataDir.resolve("journal").resolve("body-encryption.key");
    }

    @Bean
    CprHasher cprHasher(JournalProperties properties, GatewayProperties folders) {
        Path file = keyFolder(folders).resolve("cpr-hash.key");
        return new CprHasher(KeyFile.configuredOrGenerated(properties.cprHashKey(), file, "CPR hash"));
    }

    private static Path keyFolder(GatewayProperties folders) {
        return folders.dataDir().resolve("journal");
    }
}
