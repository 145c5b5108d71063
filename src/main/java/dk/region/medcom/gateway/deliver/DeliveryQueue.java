package dk.region.medcom.gateway.deliver;

import dk.region.medcom.gateway.message.PipelineHeaders;
import dk.region.medcom.gateway.journal.BodyCipher;
import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.JournalEntry;
import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.message.Recipient;
import dk.region.medcom.gateway.route.RecipientDirectory;
import dk.region.medcom.gateway.message.RoutingDecision;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Headers;

/**
 * Both ends of the per-recipient delivery queues {@code medcom.deliver.<location number>}. The
 * pipeline puts the translated message on its recipient's queue in the same transaction as it took
 * it from the inbound queue; each recipient's own consumer delivers it, so a recipient that is
 * down retries on its own and never holds up the others. The body on these queues is sealed with
 * the body key, the tracking id bound in, so the broker's disk holds no letter in clear.
 */
public class DeliveryQueue {

    /** Artemis drops a second message with the same value on the same address (duplicate detection). */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final RecipientDirectory directory;
    private final Journal journal;
    private final DeliveryRoutes routes;
    private final BodyCipher cipher;

    public DeliveryQueue(RecipientDirectory directory, Journal journal, DeliveryRoutes routes, BodyCipher cipher) {
        this.directory = directory;
        this.journal = journal;
        this.routes = routes;
        this.cipher = cipher;
    }

    /** The queue side: the bytes to deliver, with what the recipient's consumer needs in headers. */
    public byte[] enqueue(@Body PipelineMessage message, @Headers Map<String, Object> headers) {
        // the broker's own properties from the inbound message must not travel on
        headers.keySet().removeIf(name -> name.startsWith("_") || name.startsWith("JMS"));
        routes.ensureRoute(message.routing().recipient().locationNumber());
        headers.put(PipelineHeaders.TRACKING_ID, message.trackingId().value());
        headers.put(PipelineHeaders.SOURCE, message.source());
        headers.put(PipelineHeaders.RECIPIENT, message.routing().recipient().locationNumber());
        headers.put(PipelineHeaders.TARGET_FORMAT, message.routing().targetFormat().name());
        headers.put(PipelineHeaders.SENDER_FORMAT, message.format().name());
        if (message.routing().municipality() != null) {
            headers.put(PipelineHeaders.MUNICIPALITY, message.routing().municipality());
        }
        putHeader(message.header(), headers);
        headers.put(DUPLICATE_ID, "deliver:" + message.trackingId().value());
        headers.put(PipelineHeaders.SEALED, true);
        return cipher.sealToBytes(message.outbound(), context(message.trackingId()));
    }

    private static String context(TrackingId id) {
        return id.value() + "/DELIVER";
    }

    /** The recipient's side: the message as the deliverer and the journal need it. */
    public PipelineMessage resume(@Body byte[] outbound,
                                  @Header(PipelineHeaders.TRACKING_ID) String trackingId,
                                  @Header(PipelineHeaders.SOURCE) String source,
                                  @Header(PipelineHeaders.RECIPIENT) String location,
                                  @Header(PipelineHeaders.TARGET_FORMAT) String targetFormat,
                                  @Header(PipelineHeaders.SENDER_FORMAT) String senderFormat,
                                  @Header(PipelineHeaders.MUNICIPALITY) String municipality,
                                  @Header(PipelineHeaders.SEALED) Boolean sealed,
                                  @Headers Map<String, Object> headers) {
        TrackingId id = new TrackingId(trackingId);
        // a message enqueued by an older version is plain
        if (Boolean.TRUE.equals(sealed)) {
            outbound = cipher.openBytes(outbound, context(id));
        }
        Recipient recipient = directory.find(location)
                .orElseThrow(() -> new IllegalStateException("recipient " + location + " is no longer in the directory"));
        return new PipelineMessage(id, source, null)
                .withParse(MessageFormat.valueOf(senderFormat), null, headerOf(id, headers))
                .withRouting(new RoutingDecision(recipient, MessageFormat.valueOf(targetFormat), municipality, List.of()))
                .withOutbound(outbound);
    }

    private static void putHeader(MessageHeader header, Map<String, Object> headers) {
        putIfKnown(headers, PipelineHeaders.TYPE, header.messageType());
        putIfKnown(headers, PipelineHeaders.VERSION, header.versionCode());
        putIfKnown(headers, PipelineHeaders.ENVELOPE_ID, header.envelopeId());
        putIfKnown(headers, PipelineHeaders.LETTER_ID, header.letterId());
        putIfKnown(headers, PipelineHeaders.SENDER, header.senderLocation());
        putIfKnown(headers, PipelineHeaders.RECEIVER, header.receiverLocation());
        headers.put(PipelineHeaders.RECEIPT_REQUESTED, header.acknowledgementRequested());
    }

    private static void putIfKnown(Map<String, Object> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    /** From the queue message's headers; a message enqueued by an older version has none and is looked up. */
    private MessageHeader headerOf(TrackingId id, Map<String, Object> headers) {
        if (!headers.containsKey(PipelineHeaders.RECEIPT_REQUESTED)) {
            return journal.find(id).map(DeliveryQueue::header).orElse(MessageHeader.UNKNOWN);
        }
        return new MessageHeader(text(headers, PipelineHeaders.TYPE), text(headers, PipelineHeaders.VERSION), null, null,
                text(headers, PipelineHeaders.ENVELOPE_ID), text(headers, PipelineHeaders.LETTER_ID),
                text(headers, PipelineHeaders.SENDER), text(headers, PipelineHeaders.RECEIVER),
                Boolean.parseBoolean(String.valueOf(headers.get(PipelineHeaders.RECEIPT_REQUESTED))));
    }

    private static String text(Map<String, Object> headers, String name) {
        return (String) headers.get(name);
    }

    private static MessageHeader header(JournalEntry entry) {
        return new MessageHeader(entry.messageType(), entry.versionCode(), null, null, entry.envelopeId(),
                entry.letterId(), entry.senderLocation(), entry.receiverLocation(), entry.acknowledgementRequested());
    }
}
