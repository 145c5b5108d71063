package dk.region.medcom.gateway.message;

/**
 * What the gateway needs to know about a message to route, receipt and journal it, read from
 * its MedCom XML form (Envelope and Letter). Holds no personal data, so it may be logged.
 *
 * @param messageType the statistical code, e.g. {@code XDIS91}
 * @param versionCode the MedCom version code, e.g. {@code XD9134L}
 * @param namespace   the namespace of the Emessage root
 * @param documentElement the element under Emessage, e.g. {@code ClinicalEmail}
 */
public record MessageHeader(String messageType, String versionCode, String namespace, String documentElement,
                            String envelopeId, String letterId,
                            String senderLocation, String receiverLocation,
                            boolean acknowledgementRequested) {

    /** The message type of a message whose type cannot be read (it is journaled and counted as such). */
    public static final String UNKNOWN_TYPE = "UNKNOWN";

    public static final MessageHeader UNKNOWN =
            new MessageHeader(UNKNOWN_TYPE, null, null, null, null, null, null, null, false);
}
