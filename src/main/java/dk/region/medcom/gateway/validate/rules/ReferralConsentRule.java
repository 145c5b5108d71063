package dk.region.medcom.gateway.validate.rules;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.medcom2017.ConsentType;
import dk.region.medcom.gateway.message.medcom2017.MunicipalReferral;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A municipal referral may only be sent with the patient's consent (REF-CONSENT, an error, not a
 * warning) and must say which kind of referral it is (REF-KIND). Reads the typed letter: JAXB has
 * already turned xs:boolean ("true", "1") and the ReferralKind code list into values.
 */
final class ReferralConsentRule implements BusinessRule {

    static final String MUNICIPAL_REFERRAL = "MunicipalReferral";

    @Override
    public List<Finding> check(ParsedMessage message) {
        Optional<MunicipalReferral> typed = message.typed().as(MunicipalReferral.class);
        if (typed.isEmpty()) {
            return List.of(); // another letter, or a MunicipalReferral of no namespace the gateway has a schema for
        }
        MunicipalReferral referral = typed.get();
        Element letter = message.letter().orElseThrow();
        List<Finding> findings = new ArrayList<>();
        ConsentType consent = referral.getConsent();
        if (consent == null) {
            findings.add(ValidationCode.REFERRAL_CONSENT.at(letter));
        } else if (!consent.isConsentGiven()) {
            Element consentElement = message.typed().elementOf(consent).orElse(letter);
            findings.add(ValidationCode.REFERRAL_CONSENT.at(
                    ParsedMessage.child(consentElement, "ConsentGiven").orElse(consentElement)));
        }
        if (referral.getReferralKind() == null && message.text("ReferralKind").isEmpty()) {
            // an unknown kind is the code list's (schema) error; REF-KIND is for a referral that names none
            findings.add(ValidationCode.REFERRAL_KIND.at(letter));
        }
        return findings;
    }

    static boolean isTrue(String xsBoolean) {
        return "true".equals(xsBoolean) || "1".equals(xsBoolean);
    }
}
