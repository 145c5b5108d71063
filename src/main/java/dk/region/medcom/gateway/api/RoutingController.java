package dk.region.medcom.gateway.api;

import dk.region.medcom.gateway.ingest.IngestProperties;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.ingest.MemoryBudget;
import jakarta.servlet.http.HttpServletRequest;
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

    private final RoutingExplainer explainer;
    private final MemoryBudget budget;
    private final IngestProperties limits;

    RoutingController(RoutingExplainer explainer, MemoryBudget budget, IngestProperties limits) {
        this.explainer = explainer;
        this.budget = budget;
        this.limits = limits;
    }

    /** The posted bytes as they are, whatever the Content-Type, within the memory budget. */
    @PostMapping("/api/routing/explain")
    ResponseEntity<RoutingExplanation> explain(HttpServletRequest request) {
        try (PostedBody body = PostedBody.read(request, budget, limits.maxMessageBytes())) {
            return ResponseEntity.ok(explainer.explain(body.bytes()));
        }
    }

    @GetMapping("/api/routing/explain")
    ResponseEntity<RoutingExplanation> explain(@RequestParam String trackingId) {
        return TrackingId.parse(trackingId).flatMap(explainer::explain).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
