package dk.region.medcom.gateway.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxMessageBytes larger messages are quarantined at ingest, before they reach the broker
 * @param inboxSettleMs   a file in inbox/ is taken once unchanged this long (routes/ingest.yaml);
 *                        at least 1: Camel's read lock waits a whole second between checks when given 0
 * @param senderFolders   files in {@code inbox/<location number>/} are taken too, and a letter there must
 *                        have that location number as its sender (each sender's account writes only
 *                        its own folder); off: only files directly in inbox/, folders moved aside
 * @param sharedInbox     more than one gateway node polls the same inbox/: each file is claimed in the
 *                        journal database first, so exactly one node takes it ({@link InboxClaims})
 */
@ConfigurationProperties("gateway.ingest")
public record IngestProperties(@DefaultValue("10485760") long maxMessageBytes,
                               @DefaultValue("200") long inboxSettleMs,
                               @DefaultValue("false") boolean senderFolders,
                               @DefaultValue("false") boolean sharedInbox) {

    public IngestProperties {
        if (inboxSettleMs < 1) {
            throw new IllegalArgumentException("gateway.ingest.inbox-settle-ms must be at least 1 (got "
                    + inboxSettleMs + "); 1 takes a file as soon as it is seen");
        }
    }
}
