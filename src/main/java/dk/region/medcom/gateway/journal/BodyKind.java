package dk.region.medcom.gateway.journal;

/** The forms of a message the journal keeps. */
public enum BodyKind {
    /** The bytes as received. */
    ORIGINAL,
    /** The MedCom XML form, when it differs from the original (an EDIFACT original). */
    XML,
    /** The bytes delivered, in the recipient's format. */
    OUTBOUND
}
