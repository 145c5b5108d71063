package dk.region.medcom.gateway.deliver;

import dk.region.medcom.gateway.message.PipelineHeaders;

import dk.region.medcom.gateway.files.FolderWriter;
import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.Recipient;
import dk.region.medcom.gateway.files.GatewayProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.ProducerTemplate;

/**
 * The deliver stage: hands the translated message to the recipient's channel. Every channel is
 * idempotent per tracking id (a folder file is named by it; queue and HTTP deliveries carry it), so
 * a message the broker redelivers after a crash does not reach the recipient as a second message.
 * A failure throws: the inbound transaction rolls back and the broker redelivers later.
 */
public class Deliverer {

    private final GatewayProperties folders;
    private final ProducerTemplate producer;
    private final FolderWriter files;

    public Deliverer(GatewayProperties folders, ProducerTemplate producer, FolderWriter files) {
        this.folders = folders;
        this.producer = producer;
        this.files = files;
    }

    /**
     * Deletes the temp files of folder deliveries a killed gateway left half-written in outbox/.
     * Only before the routes start: then no delivery is writing one.
     *
     * @return how many were deleted
     */
    public int removeUnfinishedWrites() throws IOException {
        Path outbox = folders.outbox();
        if (!Files.isDirectory(outbox)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> recipients = Files.newDirectoryStream(outbox, Files::isDirectory)) {
            for (Path folder : recipients) {
                removed += files.removeUnfinished(folder);
            }
        }
        return removed;
    }

    public PipelineMessage deliver(PipelineMessage message) throws IOException, InterruptedException {
        send(message.routing().recipient(), message.routing().targetFormat(), message.outbound(),
                message.trackingId().value(), routingHeaders(message));
        return message;
    }

    /**
     * Hands bytes to a recipient's channel. {@code name} identifies the delivery (the file name
     * without extension, the queue's duplicate id); the same name delivered twice is one delivery.
     */
    public void send(Recipient recipient, MessageFormat format, byte[] bytes, String name, Map<String, Object> headers)
            throws IOException, InterruptedException {
        switch (recipient.channel().type()) {
            case FOLDER -> toFolder(recipient, format, bytes, name);
            case QUEUE -> {
                Map<String, Object> withId = new HashMap<>(headers);
                // Artemis drops a second message with the same id: a redelivered delivery is not doubled
                withId.put("_AMQ_DUPL_ID", name);
                producer.sendBodyAndHeaders("jms:queue:medcom.outbound." + recipient.locationNumber(), bytes, withId);
            }
            case HTTP -> toHttp(recipient, format, bytes, name);
        }
    }

    /** What a queue consumer needs to handle the message without parsing it; no personal data. */
    static Map<String, Object> routingHeaders(PipelineMessage message) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(PipelineHeaders.TRACKING_ID, message.trackingId().value());
        headers.put(PipelineHeaders.TYPE, message.header().messageType());
        headers.put(PipelineHeaders.FORMAT, message.routing().targetFormat().name());
        headers.put(PipelineHeaders.RECIPIENT, message.routing().recipient().locationNumber());
        if (message.header().senderLocation() != null) {
            headers.put(PipelineHeaders.SENDER, message.header().senderLocation());
        }
        if (message.routing().municipality() != null) {
            headers.put(PipelineHeaders.MUNICIPALITY, message.routing().municipality());
        }
        return headers;
    }

    private void toFolder(Recipient recipient, MessageFormat format, byte[] bytes, String name) throws IOException {
        Path folder = folders.outbox().resolve(recipient.locationNumber());
        files.write(folder.resolve(name + (format == MessageFormat.XML ? ".xml" : ".edi")), bytes);
    }

    private void toHttp(Recipient recipient, MessageFormat format, byte[] bytes, String name)
            throws IOException, InterruptedException {
        String contentType = format == MessageFormat.XML ? "application/xml" : "application/edifact";
        HttpRequest request = HttpRequest.newBuilder(URI.create(recipient.channel().target()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header("X-Medcom-Delivery-Id", name)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        HttpResponse<Void> response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("recipient " + recipient.locationNumber() + " answered HTTP " + response.statusCode());
        }
    }

    /**
     * The HTTP client is made on the first HTTP delivery, not at start-up: building one sets up
     * TLS (key stores, providers), half a second of start-up that folder and queue deliveries
     * never need. The JVM initialises a holder class once, thread-safely, on first use.
     */
    private static final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }
}
