package dk.region.medcom.gateway.journal;

/** Where a message stands. The journal keeps the time of every transition. */
public enum MessageState {
    RECEIVED, PARSED, VALIDATED, ROUTED, TRANSLATED, DELIVERED,
    /** The recipient sent a positive receipt. */
    ACKNOWLEDGED,
    /** The recipient sent a negative receipt. */
    REJECTED_BY_RECIPIENT,
    /** A stage found errors; the message is on its way to quarantine. */
    REJECTED, QUARANTINED,
    /** Same sender, envelope and letter identifiers as an earlier message: not delivered again. */
    DUPLICATE,
    /** An operator resent it as a new message with a new envelope identifier. */
    RESENT,
    /** An operator released it from quarantine; it runs through the pipeline again. */
    RELEASED,
    /** Delivery failed after every attempt; an operator may resend it. */
    DEAD_LETTER,
    /** An operator dealt with it outside the gateway. */
    HANDLED;

    /** True when the gateway is done with the message unless an operator acts. */
    public boolean isFinal() {
        return switch (this) {
            case DELIVERED, ACKNOWLEDGED, REJECTED_BY_RECIPIENT, QUARANTINED, DUPLICATE, RESENT, DEAD_LETTER,
                 HANDLED -> true;
            default -> false;
        };
    }
}
