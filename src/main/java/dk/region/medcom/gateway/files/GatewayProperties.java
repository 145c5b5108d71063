package dk.region.medcom.gateway.files;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway keeps its files. Everything lives under one data directory so that an
 * operator backs up, moves or wipes a gateway as one folder.
 *
 * @param dataDir the data directory ({@code gateway.data-dir}, default {@code ./data})
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(@DefaultValue("data") Path dataDir) {

    /** Senders drop files here. */
    public Path inbox() {
        return dataDir.resolve("inbox");
    }

    /** Delivered messages, one folder per recipient location number. */
    public Path outbox() {
        return dataDir.resolve("outbox");
    }

    /** Rejected originals, each with a {@code .error.json} beside it. */
    public Path quarantine() {
        return dataDir.resolve("quarantine");
    }
}
