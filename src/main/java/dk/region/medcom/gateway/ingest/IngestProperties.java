package dk.region.medcom.gateway.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxMessageBytes larger messages are quarantined at ingest, before they reach the broker
 */
@ConfigurationProperties("gateway.ingest")
public record IngestProperties(@DefaultValue("10485760") long maxMessageBytes) {
}
