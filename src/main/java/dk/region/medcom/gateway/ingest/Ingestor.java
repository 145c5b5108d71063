package dk.region.medcom.gateway.ingest;

import dk.region.medcom.gateway.reject.Quarantine;
import dk.region.medcom.gateway.message.PipelineHeaders;
import dk.region.medcom.gateway.journal.BodyCipher;
import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.message.Excerpt;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.LocationNumber;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.message.TrackingIdKey;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns "bytes arrived" into "the gateway owns this message": gives it a tracking id and puts it
 * on the inbound queue (routes/ingest.yaml). A file is journaled when the pipeline takes it from
 * the queue, in the pipeline's own database transaction: the broker holds it until then, and the
 * folder entry point then costs no database commit of its own. Ingest judges nothing but size;
 * everything else is the later stages' business.
 */
@Component("ingestor")
public class Ingestor {

    private static final Logger LOG = LoggerFactory.getLogger("medcom.pipeline");

    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final Journal journal;
    private final IngestProperties properties;
    private final Quarantine quarantine;
    private final BodyCipher cipher;
    private final Clock clock;

    public Ingestor(Journal journal, IngestProperties properties, Quarantine quarantine, BodyCipher cipher, Clock clock) {
        this.journal = journal;
        this.properties = properties;
        this.quarantine = quarantine;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * A file from {@code inbox/}; the file consumer deletes it when the route completes, once the
     * broker has it (its original is then kept, encrypted, by the journal) or once it is in
     * quarantine. A file too large to enqueue is sealed into quarantine without being read into
     * memory. A file is read without following a symbolic link (InboxEntries keeps those out).
     */
    public Object acceptFile(@Body File file, @Header(PipelineHeaders.SOURCE) String source,
                             @Headers Map<String, Object> headers) throws IOException {
        Path path = file.toPath();
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new IOException("an inbox entry is no longer a regular file; it is moved aside on the next poll");
        }
        TrackingId id = TrackingId.newId();
        headers.put(PipelineHeaders.TRACKING_ID, id.value());
        logAs(id);
        if (attributes.size() > properties.maxMessageBytes()) {
            journal.received(id, source, attributes.size());
            quarantine.keepUnread(id, path);
            headers.put(PipelineHeaders.REJECTED, true);
            return new PipelineMessage(id, source, null).withFinding(tooLarge(attributes.size()));
        }
        byte[] original;
        try (InputStream in = Files.newInputStream(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            original = in.readAllBytes();
        }
        // a file in a sender's folder (inbox/<location number>/) is bound to it: the pipeline checks the letter's sender
        String folder = path.getParent().getFileName().toString();
        boolean inSenderFolder = properties.senderFolders() && LocationNumber.isValid(folder);
        String name = inSenderFolder ? folder + "/" + file.getName() : file.getName();
        if (inSenderFolder) {
            headers.put(PipelineHeaders.SENDER_FOLDER, folder);
        }
        id = fileTrackingId(name, attributes.lastModifiedTime().toMillis(), original, trackingIdKey.bytes());
        headers.put(PipelineHeaders.TRACKING_ID, id.value());
        logAs(id);
        headers.put(PipelineHeaders.RECEIVED_AT, clock.millis());
        headers.put(DUPLICATE_ID, "ingest:" + id.value());
        // links the sender's file to its tracking id; the name only as a bounded, CPR-masked excerpt
        LOG.info("stage=ingest tracking={} inbox file '{}' taken in ({} bytes)", id, Excerpt.of(name),
                original.length);
        return original;
    }

    /**
     * The lines this step logs name the message by the id it was just given (the logging context
     * of the next steps gets it from the header, system/TrackingIdMdc, which also clears it).
     */
    private static void logAs(TrackingId id) {
        MDC.put(PipelineHeaders.LOG_TRACKING_ID, id.value());
    }

    /**
     * What goes onto the inbound queue: the body sealed with the body key, the tracking id bound
     * in, so the broker's journal (and large-message files) hold no letter in clear.
     */
    public byte[] seal(@Body byte[] body, @Header(PipelineHeaders.TRACKING_ID) String trackingId,
                       @Headers Map<String, Object> headers) {
        headers.put(PipelineHeaders.SEALED, true);
        return cipher.sealToBytes(body, inboundContext(trackingId));
    }

    static String inboundContext(String trackingId) {
        return new TrackingId(trackingId).value() + "/INBOUND";
    }

    /**
     * The tracking id of a file: the same file (name, modification time and bytes) picked up again,
     * because the gateway stopped after enqueueing it but before moving it out of inbox/, gets the
     * same id, and the broker's duplicate detection ({@code _AMQ_DUPL_ID}) drops the second enqueue.
     * A sender's new file has a new modification time, so it is a new message even with the same
     * name and bytes. The modification time also leads the id, so ids of files follow time. Keyed
     * (TrackingIdKey), so that a sender who knows its file cannot work out the id.
     */
    public static TrackingId fileTrackingId(String fileName, long lastModified, byte[] bytes, byte[] key) {
        byte[] name = (fileName + "\u0000" + lastModified + "\u0000").getBytes(StandardCharsets.UTF_8);
        byte[] identity = new byte[name.length + bytes.length];
        System.arraycopy(name, 0, identity, 0, name.length);
        System.arraycopy(bytes, 0, identity, name.length, bytes.length);
        return TrackingId.keyed(lastModified, key, identity);
    }

    private TrackingIdKey trackingIdKey;

    @Autowired
    void setTrackingIdKey(TrackingIdKey trackingIdKey) {
        this.trackingIdKey = trackingIdKey;
    }

    /** A message posted over HTTP; the caller has already bounded its size. */
    public byte[] accept(@Body byte[] body, @Header(PipelineHeaders.SOURCE) String source,
                         @Headers Map<String, Object> headers) {
        TrackingId id = TrackingId.newId();
        headers.put(PipelineHeaders.TRACKING_ID, id.value());
        journal.received(id, source, body);
        return body;
    }

    /**
     * A message taken from the inbound queue. Messages enqueued by the gateway itself carry their
     * tracking id; messages that other systems put on the queue get one here.
     */
    public PipelineMessage resume(@Body byte[] body, @Header(PipelineHeaders.TRACKING_ID) String trackingId,
                                  @Header(PipelineHeaders.SOURCE) String source,
                                  @Header(PipelineHeaders.RECEIVED_AT) Long receivedAt,
                                  @Header(PipelineHeaders.SEALED) Boolean sealed,
                                  @Header("JMSMessageID") String jmsMessageId) {
        if (Boolean.TRUE.equals(sealed)) {
            if (trackingId == null) {
                throw new IllegalStateException("a sealed message on the inbound queue has no tracking id");
            }
            body = cipher.openBytes(body, inboundContext(trackingId));
        }
        if (trackingId == null) {
            // derived from the broker's message id, so a redelivery after a crash keeps the same tracking id
            TrackingId id = jmsMessageId == null ? TrackingId.newId()
                    : new TrackingId(UUID.nameUUIDFromBytes(jmsMessageId.getBytes(StandardCharsets.UTF_8)).toString());
            journal.received(id, "queue", body);
            return new PipelineMessage(id, "queue", body);
        }
        TrackingId id = new TrackingId(trackingId);
        // files are journaled here; an HTTP message already has its row (then this does nothing)
        journal.received(id, source, body, receivedAt == null ? clock.instant() : Instant.ofEpochMilli(receivedAt));
        return new PipelineMessage(id, source, body);
    }

    private Finding tooLarge(long size) {
        return Finding.error("INGEST-TOO-LARGE", Location.NONE,
                "message is " + size + " bytes; the limit is " + properties.maxMessageBytes() + " bytes",
                "meddelelsen fylder " + size + " bytes; grænsen er " + properties.maxMessageBytes() + " bytes");
    }

    /** Keeps a short, safe extension (.xml, .edi) and drops the sender's file name, which may hold personal data. */
    static String extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot).toLowerCase();
        return ext.matches("\\.[a-z0-9]{1,5}") ? ext : "";
    }
}
