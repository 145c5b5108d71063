package dk.region.medcom.gateway.journal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param encryptionKey base64 of 32 bytes (AES-256) for the bodies; unset: a key file under
 *                      {@code <data-dir>/journal/} is made on first start and used from then on
 * @param previousEncryptionKeys earlier body keys (base64 of 32 bytes each, comma-separated): they
 *                      open what they sealed, never seal (key rotation, docs/operations.md)
 * @param cprHashKey    base64 key (at least 32 bytes) for the keyed hash of CPR numbers; unset: a key file as above
 * @param ackTimeout    a delivered message that asked for a receipt and has none after this is reported
 * @param ackCheckInterval how often that is checked
 * @param retention     when bodies and rows are pruned
 * @param commitWindow  how long the journal's writer waits for more routes to join a commit once one
 *                      route waits (fewer, larger commits write fewer bytes per message; each route
 *                      waits up to this much longer); 0 commits as soon as one route waits
 */
@ConfigurationProperties("gateway.journal")
public record JournalProperties(String encryptionKey, List<String> previousEncryptionKeys, String cprHashKey,
                                @DefaultValue("PT24H") Duration ackTimeout,
                                @DefaultValue("PT5M") Duration ackCheckInterval,
                                @DefaultValue Retention retention,
                                @DefaultValue("PT0S") Duration commitWindow) {

    public JournalProperties {
        previousEncryptionKeys = previousEncryptionKeys == null ? List.of() : List.copyOf(previousEncryptionKeys);
    }

    /**
     * @param bodiesAfter bodies of messages received longer ago are deleted (the row stays)
     * @param rowsAfter   messages received longer ago are deleted with their history
     * @param interval    how often pruning runs
     */
    public record Retention(@DefaultValue("P90D") Duration bodiesAfter, @DefaultValue("P400D") Duration rowsAfter,
                            @DefaultValue("PT1H") Duration interval) {
    }
}
