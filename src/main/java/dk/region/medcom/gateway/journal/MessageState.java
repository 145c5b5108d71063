package dk.region.medcom.gateway.journal;

/** Where a message stands. The journal keeps the time of every transition. */
public enum MessageState {
    RECEIVED, PARSED, VALIDATED, ROUTED, TRANSLATED, DELIVERED, QUARANTINED;

    /** True when the gateway is done with the message (for now: delivered or quarantined). */
    public boolean isFinal() {
        return this == DELIVERED || this == QUARANTINED;
    }
}
