package dk.region.medcom.gateway.journal;

import java.time.Instant;

/**
 * One line of a search result: identifiers and state, no history, no bodies. {@code messageType} is
 * the letter's XML type (XDIS91), {@code receivedType} the type as it came (DIS91 for EDIFACT).
 */
public record MessageSummary(String trackingId, MessageState state, Instant receivedAt, Instant updatedAt,
                             String messageType, String receivedType, String envelopeId, String letterId,
                             String senderLocation, String receiverLocation, String recipientLocation,
                             String municipality, Instant deliveredAt) {

    /** The type as received: an EDIFACT letter's type is its XML type without the X (XDIS91 came as DIS91). */
    public static String asReceived(String xmlType, String format) {
        return "EDIFACT".equals(format) && xmlType != null && xmlType.startsWith("X") ? xmlType.substring(1) : xmlType;
    }
}
