package dk.region.medcom.gateway.api;

import dk.region.medcom.gateway.ingest.IngestProperties;
import dk.region.medcom.gateway.ingest.PipelineHeaders;
import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.JournalEntry;
import dk.region.medcom.gateway.message.TrackingId;
import java.net.URI;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP entry point and the tracking API. A posted message joins the same pipeline as a file
 * dropped in {@code inbox/}; the answer is 202 with the tracking id, before any stage has run.
 */
@RestController
@RequestMapping("/api/messages")
class MessagesController {

    private final ProducerTemplate producer;
    private final Journal journal;
    private final IngestProperties limits;

    MessagesController(ProducerTemplate producer, Journal journal, IngestProperties limits) {
        this.producer = producer;
        this.journal = journal;
        this.limits = limits;
    }

    @PostMapping(consumes = "*/*")
    ResponseEntity<Map<String, String>> post(@RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            return ResponseEntity.badRequest().body(Map.of("error", "the request body is empty"));
        }
        if (body.length > limits.maxMessageBytes()) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(Map.of("error", "the message is larger than " + limits.maxMessageBytes() + " bytes"));
        }
        Exchange done = producer.send("direct:ingest-http", exchange -> exchange.getIn().setBody(body));
        if (done.getException() != null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("error", "the gateway could not take the message now; send it again"));
        }
        String id = done.getMessage().getHeader(PipelineHeaders.TRACKING_ID, String.class);
        return ResponseEntity.accepted()
                .location(URI.create("/api/messages/" + id))
                .body(Map.of("trackingId", id));
    }

    @GetMapping("/{id}")
    ResponseEntity<JournalEntry> get(@PathVariable String id) {
        TrackingId trackingId;
        try {
            trackingId = new TrackingId(id);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.of(journal.find(trackingId));
    }
}
