package dk.region.medcom.gateway.message;

/**
 * Names of the exchange headers the gateway owns. They start with {@code medcom} because camel-jms
 * drops headers that start with {@code Camel} when a message crosses a queue.
 */
public final class PipelineHeaders {

    public static final String TRACKING_ID = "medcomTrackingId";
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

    private PipelineHeaders() {
    }
}
