package dk.region.medcom.gateway.ingest;

import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.system.GatewayProperties;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.springframework.stereotype.Component;

/**
 * Turns "bytes arrived" into "the gateway owns this message": gives it a tracking id and journals
 * it. Ingest judges nothing but size; everything else is the later stages' business.
 */
@Component("ingestor")
public class Ingestor {

    /**
     * A file with the same name and bytes as one picked up this recently keeps that one's tracking id, and
     * the broker's duplicate detection ({@code _AMQ_DUPL_ID}) drops a second enqueue: a crash
     * between enqueue and moving the file to archive/ does not make a second message.
     */
    static final Duration SAME_FILE_WINDOW = Duration.ofHours(1);
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
        // the same file again, soon: the gateway stopped before it could move it out of inbox/
        id = journal.recentlyReceived(source, file.getName(), original, SAME_FILE_WINDOW).orElse(id);
        headers.put(PipelineHeaders.TRACKING_ID, id.value());
        headers.put(DUPLICATE_ID, "ingest:" + id.value());
        journal.received(id, source, file.getName(), original);
        Path day = folders.archive().resolve(LocalDate.now(clock).toString());
        String name = id.value() + extensionOf(file.getName());
        headers.put(PipelineHeaders.MOVE_TO, day.resolve(name).toAbsolutePath().toString());
        return original;
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
                                  @Header("JMSMessageID") String jmsMessageId) {
        if (trackingId == null) {
            // derived from the broker's message id, so a redelivery after a crash keeps the same tracking id
            TrackingId id = jmsMessageId == null ? TrackingId.newId()
                    : new TrackingId(UUID.nameUUIDFromBytes(jmsMessageId.getBytes(StandardCharsets.UTF_8)).toString());
            journal.received(id, "queue", body);
            return new PipelineMessage(id, "queue", body);
        }
        return new PipelineMessage(new TrackingId(trackingId), source, body);
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
