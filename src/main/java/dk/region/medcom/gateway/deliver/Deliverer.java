package dk.region.medcom.gateway.deliver;

import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.route.Recipient;
import dk.region.medcom.gateway.system.GatewayProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public Deliverer(GatewayProperties folders, ProducerTemplate producer) {
        this.folders = folders;
        this.producer = producer;
    }

    public PipelineMessage deliver(PipelineMessage message) throws IOException, InterruptedException {
        Recipient recipient = message.routing().recipient();
        switch (recipient.channel().type()) {
            case FOLDER -> toFolder(message, recipient);
            // the tracking id as Artemis duplicate id: a redelivered message does not reach the recipient twice
            case QUEUE -> producer.sendBodyAndHeaders("jms:queue:medcom.outbound." + recipient.locationNumber(),
                    message.outbound(), Map.of("medcomTrackingId", message.trackingId().value(),
                            DeliveryQueue.DUPLICATE_ID, message.trackingId().value()));
            case HTTP -> toHttp(message, recipient);
        }
        return message;
    }

    private void toFolder(PipelineMessage message, Recipient recipient) throws IOException {
        Path folder = folders.outbox().resolve(recipient.locationNumber());
        Files.createDirectories(folder);
        String extension = message.routing().targetFormat() == MessageFormat.XML ? ".xml" : ".edi";
        Path target = folder.resolve(message.trackingId() + extension);
        // written under a dot-name the recipient ignores, then renamed: it never sees half a message
        Path temp = folder.resolve("." + target.getFileName() + ".tmp");
        Files.write(temp, message.outbound());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void toHttp(PipelineMessage message, Recipient recipient) throws IOException, InterruptedException {
        String contentType = message.routing().targetFormat() == MessageFormat.XML
                ? "application/xml" : "application/edifact";
        HttpRequest request = HttpRequest.newBuilder(URI.create(recipient.channel().target()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header("X-Medcom-Tracking-Id", message.trackingId().value())
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.outbound()))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("recipient " + recipient.locationNumber() + " answered HTTP " + response.statusCode());
        }
    }
}
