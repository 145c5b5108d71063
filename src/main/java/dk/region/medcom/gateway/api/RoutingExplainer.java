package dk.region.medcom.gateway.api;

import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.parse.MessageParser;
import dk.region.medcom.gateway.route.Router;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * "Why does this message go there?": parses a message and routes it with the current directories,
 * step by step, delivering nothing. For the API's /api/routing/explain and the console's page.
 */
@Component
public class RoutingExplainer {

    private final MessageParser parser;
    private final Router router;
    private final Journal journal;

    RoutingExplainer(MessageParser parser, Router router, Journal journal) {
        this.parser = parser;
        this.router = router;
        this.journal = journal;
    }

    /** The decision for these bytes; the caller holds them within the memory budget. */
    public RoutingExplanation explain(byte[] message) {
        PipelineMessage parsed = parser.parse(new PipelineMessage(TrackingId.newId(), "explain", message));
        if (parsed.isRejected()) {
            return RoutingExplanation.unreadable(parsed.header(), parsed.findings());
        }
        return RoutingExplanation.of(parsed.header(), router.decide(parsed.header(), parsed.patient(), parsed.document()));
    }

    /** The decision for a tracked message's original, as the directories stand now; empty when it is not kept. */
    public Optional<RoutingExplanation> explain(TrackingId id) {
        return journal.original(id).map(this::explain);
    }
}
