package dk.region.medcom.gateway.validate.rules;

import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import dk.region.medcom.gateway.message.Finding;
import java.util.List;

/**
 * One check beyond the schema, e.g. "a referral needs recorded consent". A rule looks at the
 * message kinds it knows and returns no findings for the others. Implementations must be
 * thread-safe (they are shared) and must not throw for odd content: absent parts are the
 * schema's business.
 */
@FunctionalInterface
public interface BusinessRule {

    List<Finding> check(ParsedMessage message);
}
