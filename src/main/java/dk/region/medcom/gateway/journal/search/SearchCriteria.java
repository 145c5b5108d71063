package dk.region.medcom.gateway.journal.search;

import dk.region.medcom.gateway.journal.MessageState;
import java.time.Instant;
import java.util.Set;

/**
 * What to search the journal for; null fields do not restrict. {@code from} inclusive, {@code to}
 * exclusive (received time). {@code senderScope}, when not null, limits the search to messages from
 * those sender location numbers, whatever else is asked: what a sender-only user may see (an empty
 * scope finds nothing).
 */
public record SearchCriteria(String letterId, String envelopeId, String sender, String receiver, String municipality,
                             String type, MessageState state, Instant from, Instant to, Set<String> senderScope) {

    public SearchCriteria {
        senderScope = senderScope == null ? null : Set.copyOf(senderScope);
    }

    /** Criteria open to every sender. */
    public SearchCriteria(String letterId, String envelopeId, String sender, String receiver, String municipality,
                          String type, MessageState state, Instant from, Instant to) {
        this(letterId, envelopeId, sender, receiver, municipality, type, state, from, to, null);
    }

    /** The same criteria, limited to messages from these sender location numbers. */
    public SearchCriteria within(Set<String> senders) {
        return new SearchCriteria(letterId, envelopeId, sender, receiver, municipality, type, state, from, to, senders);
    }
}
