package dk.region.medcom.gateway.validate.rules;

import dk.region.medcom.gateway.message.Severity;
import dk.region.medcom.gateway.validate.BusinessRule;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The business rules the gateway checks beyond the schemas, with their settings. */
public final class StandardRules {

    private StandardRules() {
    }

    public static List<BusinessRule> create(Severity glnCheckSeverity, Duration futureDateTolerance, Clock clock) {
        return List.of(new CprRule());
    }
}
