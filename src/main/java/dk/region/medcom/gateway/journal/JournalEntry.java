package dk.region.medcom.gateway.journal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A message as the journal knows it: its identifiers, current state, the times that matter and its
 * history. No bodies, no CPR number (nor its hash).
 */
public record JournalEntry(String trackingId, String source, Instant receivedAt, Instant updatedAt,
                           MessageState state, long sizeBytes, String format, String messageType,
                           String versionCode, String envelopeId, String letterId,
                           String senderLocation, String receiverLocation, String recipientLocation,
                           String municipality, boolean acknowledgementRequested, Instant deliveredAt,
                           Instant acknowledgedAt, Instant handledAt, String resentFrom, String resentAs,
                           Instant bodiesPrunedAt, List<Event> history) {

    /** The type as it came: DIS91 for a letter received as EDIFACT, whose {@code messageType} is XDIS91. */
    @JsonProperty("receivedType")
    public String receivedType() {
        return MessageSummary.asReceived(messageType, format);
    }

    /** One step: when, which stage, the state it led to, and what was found (finding lines). */
    public record Event(Instant at, String stage, MessageState state, String detail) {
    }
}
