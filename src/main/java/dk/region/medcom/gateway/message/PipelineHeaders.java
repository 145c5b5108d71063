package dk.region.medcom.gateway.message;

/**
 * Names of the exchange headers the gateway owns. They start with {@code medcom} because camel-jms
 * drops headers that start with {@code Camel} when a message crosses a queue. The route files
 * (routes/*.yaml) name four of them as text: medcomRecipient, medcomRejected, medcomSource,
 * medcomTrackingId.
 */
public final class PipelineHeaders {

    public static final String TRACKING_ID = "medcomTrackingId";
    /** Not a header: the key of the tracking id in the logging context (MDC) of every line logged for a message. */
    public static final String LOG_TRACKING_ID = "trackingId";
    public static final String SOURCE = "medcomSource";
    public static final String REJECTED = "medcomRejected";
    /** When a file was picked up from inbox/ (epoch milliseconds); the journal's received time. */
    public static final String RECEIVED_AT = "medcomReceivedAt";
    /**
     * Set (true) on a broker message whose body the gateway sealed with the body key, its tracking
     * id bound in (journal/BodyCipher); a message without it is taken as plain bytes.
     */
    public static final String SEALED = "medcomSealed";
    /** The location number of the sender folder ({@code inbox/<location number>/}) a file came through. */
    public static final String SENDER_FOLDER = "medcomSenderFolder";

    /** The recipient's location number, on its way to medcom.deliver.&lt;location number&gt; and at a queue channel. */
    public static final String RECIPIENT = "medcomRecipient";
    /** The format the recipient takes (the delivered message's). */
    public static final String TARGET_FORMAT = "medcomTargetFormat";
    /** The format of a message handed to a recipient's queue channel (routing headers for its consumers). */
    public static final String FORMAT = "medcomFormat";
    /** The format the sender used: its receipt goes back in that format. */
    public static final String SENDER_FORMAT = "medcomSenderFormat";
    public static final String MUNICIPALITY = "medcomMunicipality";
    /** The letter's identifiers and the receipt flag travel with it, so delivery needs no journal read. */
    public static final String TYPE = "medcomType";
    public static final String VERSION = "medcomVersion";
    public static final String ENVELOPE_ID = "medcomEnvelopeId";
    public static final String LETTER_ID = "medcomLetterId";
    public static final String SENDER = "medcomSender";
    public static final String RECEIVER = "medcomReceiver";
    public static final String RECEIPT_REQUESTED = "medcomReceiptRequested";

    private PipelineHeaders() {
    }
}
