package dk.region.medcom.gateway.validate.rules;

import dk.region.medcom.gateway.message.Severity;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The business rules the gateway checks beyond the schemas, with their settings. */
public final class StandardRules {

    private StandardRules() {
    }

    /**
     * @param glnCheckSeverity    severity of a wrong location-number check digit (WARNING by default)
     * @param futureDateTolerance how far in the future a recorded date may lie (clock skew)
     * @param clock               today, for ages and future dates
     */
    public static List<BusinessRule> create(Severity glnCheckSeverity, Duration futureDateTolerance, Clock clock) {
        return List.of(
                new CprRule(),
                new GlnRule(glnCheckSeverity),
                new ReferralConsentRule(),
                new RehabilitationReferralRule(),
                new ReferralMunicipalityRule(),
                new RehabilitationPlanLevelRule(),
                new ChildPathwayRule(clock),
                new FutureDateRule(clock, futureDateTolerance));
    }
}
