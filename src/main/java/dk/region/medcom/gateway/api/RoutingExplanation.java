package dk.region.medcom.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.RoutingDecision;
import dk.region.medcom.gateway.route.RoutingOutcome;
import java.util.List;
import java.util.Optional;

/**
 * The answer of /api/routing/explain, rendered by Jackson: the header's type and addressed
 * receiver, whether it routes, every step, and the recipient or the failure. Parts that do not
 * apply are left out; {@code municipality} is always there for a routed message, null when routing
 * did not go by municipality (an empty Optional renders as null, an absent one not at all).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoutingExplanation(@JsonInclude(JsonInclude.Include.ALWAYS) String messageType,
                          @JsonInclude(JsonInclude.Include.ALWAYS) String receiverLocation,
                          boolean routed, List<String> findings, List<String> steps,
                          RecipientView recipient, String format, Optional<String> municipality, String failure) {

    /** The recipient routing chose: its location number, name and channel type. */
    public record RecipientView(String locationNumber, String name, String channel) {
    }

    /** A message that could not be read: its errors, and no decision. */
    static RoutingExplanation unreadable(MessageHeader header, List<Finding> findings) {
        return new RoutingExplanation(header.messageType(), header.receiverLocation(), false,
                findings.stream().filter(Finding::isError).map(Finding::toLine).toList(),
                List.of("the message could not be read, so it cannot be routed"), null, null, null, null);
    }

    static RoutingExplanation of(MessageHeader header, RoutingOutcome outcome) {
        if (!outcome.isRouted()) {
            return new RoutingExplanation(header.messageType(), header.receiverLocation(), false, null,
                    outcome.steps(), null, null, null, outcome.failure().toLine());
        }
        RoutingDecision decision = outcome.decision();
        return new RoutingExplanation(header.messageType(), header.receiverLocation(), true, null, outcome.steps(),
                new RecipientView(decision.recipient().locationNumber(), decision.recipient().name(),
                        decision.recipient().channel().type().name().toLowerCase()),
                decision.targetFormat().name(), Optional.ofNullable(decision.municipality()), null);
    }
}
