package dk.region.medcom.gateway.journal.search;

import dk.region.medcom.gateway.journal.MessageState;
import java.time.Instant;

/** What to search the journal for; null fields do not restrict. {@code from} inclusive, {@code to} exclusive (received time). */
public record SearchCriteria(String letterId, String envelopeId, String sender, String receiver, String municipality,
                             String type, MessageState state, Instant from, Instant to) {
}
