package dk.region.medcom.gateway.validate.rules;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * A referral to rehabilitation (the municipality must call within a week) is only actionable
 * with a need for support from the needs assessment, a diagnosis and a hospital contact person.
 * Incomplete referrals are the commonest reason for rejection in the regional audits.
 */
final class RehabilitationReferralRule implements BusinessRule {

    static final String REHABILITATION = "rehabilitering";

    @Override
    public List<Finding> check(ParsedMessage message) {
        if (!message.isLetter(ReferralConsentRule.MUNICIPAL_REFERRAL)
                || !REHABILITATION.equals(message.text("ReferralKind").orElse(""))) {
            return List.of();
        }
        Element letter = message.letter().orElseThrow();
        List<Finding> findings = new ArrayList<>();
        if (!anyItemNeedsSupport(message)) {
            findings.add(ValidationCode.REHABILITATION_NEED.at(message.find("NeedsAssessment").orElse(letter)));
        }
        if (message.find("Diagnosis").isEmpty()) {
            findings.add(ValidationCode.REHABILITATION_DIAGNOSIS.at(letter));
        }
        if (message.find("HospitalContact").isEmpty()) {
            findings.add(ValidationCode.REHABILITATION_CONTACT.at(letter));
        }
        return findings;
    }

    private static boolean anyItemNeedsSupport(ParsedMessage message) {
        return message.find("NeedsAssessment").stream()
                .flatMap(assessment -> ParsedMessage.descendantsOf(assessment, "NeedsSupport").stream())
                .anyMatch(needsSupport -> ReferralConsentRule.isTrue(ParsedMessage.textOf(needsSupport)));
    }
}
