package dk.region.medcom.gateway.validate.rules;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A municipal referral goes to the patient's own municipality: when the receiver is identified by
 * kommunenummer, it should match the residence kommunekode. A warning, not an error, as a patient
 * may be staying elsewhere; "sent to the wrong place" is a fifth of rejected referrals in the audits.
 */
final class ReferralMunicipalityRule implements BusinessRule {

    @Override
    public List<Finding> check(ParsedMessage message) {
        if (!message.isLetter(ReferralConsentRule.MUNICIPAL_REFERRAL)
                || !"kommunenummer".equals(message.text("Receiver", "IdentifierCode").orElse(""))) {
            return List.of();
        }
        Optional<Element> receiver = message.find("Receiver", "Identifier");
        Optional<String> residence = message.patient().residence(); // read once at parse
        if (receiver.isEmpty() || residence.isEmpty() || ParsedMessage.textOf(receiver.get()).equals(residence.get())) {
            return List.of();
        }
        return List.of(ValidationCode.REFERRAL_MUNICIPALITY.at(receiver.get(), ParsedMessage.textOf(receiver.get()), residence.get()));
    }
}
