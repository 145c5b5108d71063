package dk.region.medcom.gateway.journal;

import dk.region.medcom.gateway.message.TrackingIdKey;
import dk.region.medcom.gateway.system.GatewayProperties;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The gateway's secrets: the body encryption key, the CPR hash key and the tracking id key. */
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

    /** The key that makes the tracking ids of files unguessable (message/TrackingId#keyed). */
    @Bean
    TrackingIdKey trackingIdKey(@Value("${gateway.ingest.tracking-id-key:}") String configured, GatewayProperties folders) {
        Path file = keyFolder(folders).resolve("tracking-id.key");
        return new TrackingIdKey(KeyFile.configuredOrGenerated(configured, file, "tracking id"));
    }

    private static Path keyFolder(GatewayProperties folders) {
        return folders.dataDir().resolve("journal");
    }
}
