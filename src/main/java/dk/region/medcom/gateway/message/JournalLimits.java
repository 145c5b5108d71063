package dk.region.medcom.gateway.message;


/**
 * The longest value the journal keeps in each column filled from a message (db/migration: V1 and V2,
 * tables {@code message} and {@code letter_seen}). Parse checks every value against these where it
 * reads the bytes, so a message is refused with a finding naming the place instead of failing its
 * journal write on every redelivery. JournalLimitsTests holds these equal to the migrated schema.
 */
public final class JournalLimits {

    /** message.envelope_id, letter_seen.envelope_id */
    public static final int ENVELOPE_ID = 64;
    /** message.letter_id, letter_seen.letter_id */
    public static final int LETTER_ID = 64;
    /** message.sender_location, receiver_location, recipient_location; letter_seen.sender_location */
    public static final int LOCATION = 35;
    /** message.message_type */
    public static final int MESSAGE_TYPE = 16;
    /** message.version_code */
    public static final int VERSION_CODE = 16;
    /** message.municipality (a kommunekode) */
    public static final int MUNICIPALITY = 8;

    private JournalLimits() {
    }

    /** A header field the journal keeps, with its limit. */
    public enum Field {
        ENVELOPE_ID(JournalLimits.ENVELOPE_ID),
        LETTER_ID(JournalLimits.LETTER_ID),
        SENDER(LOCATION),
        RECEIVER(LOCATION),
        MESSAGE_TYPE(JournalLimits.MESSAGE_TYPE),
        VERSION_CODE(JournalLimits.VERSION_CODE);

        public final int limit;

        Field(int limit) {
            this.limit = limit;
        }

        public boolean fits(String value) {
            return value == null || value.length() <= limit;
        }
    }

    /**
     * The header with every value the journal cannot keep made one it can: identifiers cut to their
     * limit (a negative receipt still names the letter), a location number, type or version that is
     * too long dropped (it names nothing). A rejected message is journaled and answered with this.
     */
    public static MessageHeader fit(MessageHeader h) {
        if (Field.ENVELOPE_ID.fits(h.envelopeId()) && Field.LETTER_ID.fits(h.letterId())
                && Field.SENDER.fits(h.senderLocation()) && Field.RECEIVER.fits(h.receiverLocation())
                && Field.MESSAGE_TYPE.fits(h.messageType()) && Field.VERSION_CODE.fits(h.versionCode())) {
            return h;
        }
        return new MessageHeader(
                Field.MESSAGE_TYPE.fits(h.messageType()) ? h.messageType() : MessageHeader.UNKNOWN_TYPE,
                Field.VERSION_CODE.fits(h.versionCode()) ? h.versionCode() : null,
                h.namespace(), h.documentElement(),
                cut(h.envelopeId(), ENVELOPE_ID), cut(h.letterId(), LETTER_ID),
                Field.SENDER.fits(h.senderLocation()) ? h.senderLocation() : null,
                Field.RECEIVER.fits(h.receiverLocation()) ? h.receiverLocation() : null,
                h.acknowledgementRequested());
    }

    private static String cut(String value, int limit) {
        return value == null || value.length() <= limit ? value : value.substring(0, limit);
    }
}
