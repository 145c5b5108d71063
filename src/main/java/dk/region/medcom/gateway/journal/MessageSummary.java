package dk.region.medcom.gateway.journal;

import java.time.Instant;

/** One line of a search result: identifiers and state, no history, no bodies. */
public record MessageSummary(String trackingId, MessageState state, Instant receivedAt, Instant updatedAt,
                             String messageType, String envelopeId, String letterId, String senderLocation,
                             String receiverLocation, String recipientLocation, String municipality,
                             Instant deliveredAt) {
}
