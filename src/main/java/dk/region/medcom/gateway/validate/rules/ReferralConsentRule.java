package dk.region.medcom.gateway.validate.rules;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A municipal referral may only be sent with the patient's consent (REF-CONSENT, an error, not a
 * warning) and must say which kind of referral it is (REF-KIND).
 */
final class ReferralConsentRule implements BusinessRule {

    static final String MUNICIPAL_REFERRAL = "MunicipalReferral";

    @Override
    public List<Finding> check(ParsedMessage message) {
        if (!message.isLetter(MUNICIPAL_REFERRAL)) {
            return List.of();
        }
        Element letter = message.letter().orElseThrow();
        List<Finding> findings = new ArrayList<>();
        Optional<Element> given = message.find("Consent", "ConsentGiven");
        if (given.isEmpty()) {
            findings.add(ValidationCode.REFERRAL_CONSENT.at(message.find("Consent").orElse(letter)));
        } else if (!isTrue(ParsedMessage.textOf(given.get()))) {
            findings.add(ValidationCode.REFERRAL_CONSENT.at(given.get()));
        }
        if (message.text("ReferralKind").isEmpty()) {
            findings.add(ValidationCode.REFERRAL_KIND.at(letter));
        }
        return findings;
    }

    static boolean isTrue(String xsBoolean) {
        return "true".equals(xsBoolean) || "1".equals(xsBoolean);
    }
}
