package dk.region.medcom.gateway.journal;

import dk.region.medcom.gateway.system.GatewayProperties;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The journal's secrets: the body encryption key and the CPR hash key. */
@Configuration(proxyBeanMethods = false)
class JournalKeys {

    @Bean
    BodyStore bodyStore(JdbcClient jdbc, JournalProperties properties, GatewayProperties folders) {
        Path file = keyFolder(folders).resolve("body-encryption.key");
        return new BodyStore(jdbc, new BodyCipher(
                KeyFile.configuredOrGenerated(properties.encryptionKey(), file, "journal encryption")));
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
