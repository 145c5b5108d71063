package dk.region.medcom.gateway.journal;

/** Where a message stands. The journal keeps the time of every transition. */
public enum MessageState {
    RECEIVED, PARSED, VALIDATED, ROUTED, TRANSLATED, DELIVERED, QUARANTINED,
    /** Same sender, envelope and letter identifiers as an earlier message: not delivered again. */
    DUPLICATE,
    /** The recipient sent a positive receipt. */
    ACKNOWLEDGED,
    /** The recipient sent a negative receipt. */
    REJECTED_BY_RECIPIENT;

    /** True when the gateway is done with the message. */
    public boolean isFinal() {
        return this == DELIVERED || this == QUARANTINED || this == DUPLICATE || this == ACKNOWLEDGED
                || this == REJECTED_BY_RECIPIENT;
    }
}
