package dk.region.medcom.gateway.ingest;

import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.message.TrackingIdKey;
import dk.region.medcom.gateway.system.GatewayProperties;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Headers;
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

    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final Journal journal;
    private final IngestProperties properties;
    private final GatewayProperties folders;
    private final Clock clock;

    public Ingestor(Journal journal, IngestProperties properties, GatewayProperties folders, Clock clock) {
        this.journal = journal;
        this.properties = properties;
        this.folders = folders;
        this.clock = clock;
    }

    /**
     * A file from {@code inbox/}. Sets where the file consumer moves the original when the route
     * completes: {@code archive/<day>/} normally, {@code quarantine/} when it is too large to enqueue
     * (the large file is then moved, never read into memory).
     */
    public Object acceptFile(@Body File file, @Header(PipelineHeaders.SOURCE) String source,
                             @Headers Map<String, Object> headers) throws IOException {
        TrackingId id = TrackingId.newId();
        headers.put(PipelineHeaders.TRACKING_ID, id.value());
        if (file.length() > properties.maxMessageBytes()) {
            journal.received(id, source, file.length());
            String name = id.value() + ".bin";
            headers.put(PipelineHeaders.MOVE_TO, folders.quarantine().resolve(name).toAbsolutePath().toString());
            headers.put(PipelineHeaders.REJECTED, true);
            PipelineMessage message = new PipelineMessage(id, source, null);
            message.addFindings(List.of(tooLarge(file.length())));
            return message;
        }
        byte[] original = Files.readAllBytes(file.toPath());
        id = fileTrackingId(file, original, trackingIdKey.bytes());
        headers.put(PipelineHeaders.TRACKING_ID, id.value());
        headers.put(PipelineHeaders.RECEIVED_AT, clock.millis());
        headers.put(DUPLICATE_ID, "ingest:" + id.value());
        Path day = folders.archive().resolve(LocalDate.now(clock).toString());
        String name = id.value() + extensionOf(file.getName());
        headers.put(PipelineHeaders.MOVE_TO, day.resolve(name).toAbsolutePath().toString());
        return original;
    }

    /**
     * The tracking id of a file: the same file (name, modification time and bytes) picked up again,
     * because the gateway stopped after enqueueing it but before moving it out of inbox/, gets the
     * same id, and the broker's duplicate detection ({@code _AMQ_DUPL_ID}) drops the second enqueue.
     * A sender's new file has a new modification time, so it is a new message even with the same
     * name and bytes. The modification time also leads the id, so ids of files follow time. Keyed
     * (TrackingIdKey), so that a sender who knows its file cannot work out the id.
     */
    static TrackingId fileTrackingId(File file, byte[] bytes, byte[] key) {
        byte[] name = (file.getName() + "\u0000" + file.lastModified() + "\u0000").getBytes(StandardCharsets.UTF_8);
        byte[] identity = new byte[name.length + bytes.length];
        System.arraycopy(name, 0, identity, 0, name.length);
        System.arraycopy(bytes, 0, identity, name.length, bytes.length);
        return TrackingId.keyed(file.lastModified(), key, identity);
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
                                  @Header("JMSMessageID") String jmsMessageId) {
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
