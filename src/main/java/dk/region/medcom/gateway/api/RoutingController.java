package dk.region.medcom.gateway.api;

import dk.region.medcom.gateway.ingest.IngestProperties;
import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.parse.MessageParser;
import dk.region.medcom.gateway.route.Router;
import dk.region.medcom.gateway.route.RoutingOutcome;
import dk.region.medcom.gateway.ingest.MemoryBudget;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    ResponseEntity<Map<String, Object>> explain(HttpServletRequest request) {
        try (PostedBody body = PostedBody.read(request, budget, limits.maxMessageBytes())) {
            return ResponseEntity.ok(explanation(body.bytes()));
        }
    }

    @GetMapping("/api/routing/explain")
    ResponseEntity<Map<String, Object>> explain(@RequestParam String trackingId) {
        Optional<byte[]> original = TrackingIds.parse(trackingId).flatMap(journal::original);
        return original.map(bytes -> ResponseEntity.ok(explanation(bytes)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private Map<String, Object> explanation(byte[] bytes) {
        PipelineMessage message = parser.parse(new PipelineMessage(TrackingId.newId(), "explain", bytes));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("messageType", message.header().messageType());
        answer.put("receiverLocation", message.header().receiverLocation());
        if (message.isRejected()) {
            answer.put("routed", false);
            answer.put("findings", message.findings().stream().filter(Finding::isError).map(Finding::toLine).toList());
            answer.put("steps", List.of("the message could not be read, so it cannot be routed"));
            return answer;
        }
        RoutingOutcome outcome = router.decide(message.header(), message.patient(), message.document());
        answer.put("routed", outcome.isRouted());
        answer.put("steps", outcome.steps());
        if (outcome.isRouted()) {
            Map<String, Object> recipient = new LinkedHashMap<>();
            recipient.put("locationNumber", outcome.decision().recipient().locationNumber());
            recipient.put("name", outcome.decision().recipient().name());
            recipient.put("channel", outcome.decision().recipient().channel().type().name().toLowerCase());
            answer.put("recipient", recipient);
            answer.put("format", outcome.decision().targetFormat().name());
            answer.put("municipality", outcome.decision().municipality());
        } else {
            answer.put("failure", outcome.failure().toLine());
        }
        return answer;
    }
}
