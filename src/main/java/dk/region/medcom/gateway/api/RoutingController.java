package dk.region.medcom.gateway.api;

import dk.region.medcom.gateway.ingest.IngestProperties;
import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.parse.MessageParser;
import dk.region.medcom.gateway.route.Router;
import dk.region.medcom.gateway.ingest.MemoryBudget;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Why does this message go there?" Routes a posted message, or the original of a tracked one,
 * with the current directories and shows every step of the decision. Nothing is delivered.
 */
@RestController
class RoutingController {

    private final MessageParser parser;
    private final Router router;
    private final Journal journal;
    private final MemoryBudget budget;
    private final IngestProperties limits;

    RoutingController(MessageParser parser, Router router, Journal journal, MemoryBudget budget,
                      IngestProperties limits) {
        this.budget = budget;
        this.limits = limits;
        this.parser = parser;
        this.router = router;
        this.journal = journal;
    }

    /** The posted bytes as they are, whatever the Content-Type, within the memory budget. */
    @PostMapping("/api/routing/explain")
    ResponseEntity<RoutingExplanation> explain(HttpServletRequest request) {
        try (PostedBody body = PostedBody.read(request, budget, limits.maxMessageBytes())) {
            return ResponseEntity.ok(explanation(body.bytes()));
        }
    }

    @GetMapping("/api/routing/explain")
    ResponseEntity<RoutingExplanation> explain(@RequestParam String trackingId) {
        Optional<byte[]> original = TrackingId.parse(trackingId).flatMap(journal::original);
        return original.map(bytes -> ResponseEntity.ok(explanation(bytes)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private RoutingExplanation explanation(byte[] bytes) {
        PipelineMessage message = parser.parse(new PipelineMessage(TrackingId.newId(), "explain", bytes));
        if (message.isRejected()) {
            return RoutingExplanation.unreadable(message.header(), message.findings());
        }
        return RoutingExplanation.of(message.header(),
                router.decide(message.header(), message.patient(), message.document()));
    }
}
