package dk.region.medcom.gateway.validate.rules;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.medcom2017.MunicipalReferral;
import dk.region.medcom.gateway.message.medcom2017.ReferralKindType;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A referral to rehabilitation (the municipality must call within a week) is only actionable
 * with a need for support from the needs assessment, a diagnosis and a hospital contact person.
 * Incomplete referrals are the commonest reason for rejection in the regional audits.
 */
final class RehabilitationReferralRule implements BusinessRule {

    @Override
    public List<Finding> check(ParsedMessage message) {
        Optional<MunicipalReferral> typed = message.typed().as(MunicipalReferral.class);
        if (typed.isEmpty() || typed.get().getReferralKind() != ReferralKindType.REHABILITERING) {
            return List.of();
        }
        MunicipalReferral referral = typed.get();
        Element letter = message.letter().orElseThrow();
        List<Finding> findings = new ArrayList<>();
        if (!anyItemNeedsSupport(message)) {
            findings.add(ValidationCode.REHABILITATION_NEED.at(
                    message.typed().elementOf(referral.getNeedsAssessment()).orElse(letter)));
        }
        if (referral.getDiagnosis().isEmpty()) {
            findings.add(ValidationCode.REHABILITATION_DIAGNOSIS.at(letter));
        }
        if (referral.getHospitalContact() == null) {
            findings.add(ValidationCode.REHABILITATION_CONTACT.at(letter));
        }
        return findings;
    }

    // DOM, not JAXB: the six needs areas are six generated Item classes with no common type; one walk over NeedsSupport reads them all
    private static boolean anyItemNeedsSupport(ParsedMessage message) {
        return message.find("NeedsAssessment").stream()
                .flatMap(assessment -> ParsedMessage.descendantsOf(assessment, "NeedsSupport").stream())
                .anyMatch(needsSupport -> ReferralConsentRule.isTrue(ParsedMessage.textOf(needsSupport)));
    }
}
