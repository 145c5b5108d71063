package dk.region.medcom.gateway.route;

import dk.region.medcom.gateway.message.RoutingDecision;
import dk.region.medcom.gateway.message.Finding;
import java.util.List;

/**
 * The result of routing one message: a decision, or the finding that says why there is none; in
 * both cases the steps taken, in order, for the journal and the explain API.
 */
public record RoutingOutcome(RoutingDecision decision, Finding failure, List<String> steps) {

    static RoutingOutcome routed(RoutingDecision decision) {
        return new RoutingOutcome(decision, null, decision.steps());
    }

    static RoutingOutcome failed(Finding failure, List<String> steps) {
        return new RoutingOutcome(null, failure, List.copyOf(steps));
    }

    public boolean isRouted() {
        return decision != null;
    }
}
