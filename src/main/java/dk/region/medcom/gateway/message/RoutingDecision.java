package dk.region.medcom.gateway.message;

import java.util.List;

/**
 * Where a message goes and in which format, with the steps that led there (for the journal and
 * for operators asking "why did it go there?").
 *
 * @param municipality the kommunekode the message was routed by, or null when the receiver's
 *                     location number decided it
 */
public record RoutingDecision(Recipient recipient, MessageFormat targetFormat, String municipality,
                              List<String> steps) {
}
