package dk.region.medcom.gateway.validate.rules;

import dk.region.medcom.gateway.message.Cpr;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Every CPR number in a letter must start with a real birth date (CPR-DATE, an error); failing
 * modulus 11 is only a remark (CPR-MODULUS-11, INFO). {@code 0000000000} means "unknown" and is
 * accepted; a value that is not ten digits is the schema's business.
 */
final class CprRule implements BusinessRule {

    @Override
    public List<Finding> check(ParsedMessage message) {
        List<Finding> findings = new ArrayList<>();
        for (Element element : message.descendants("CivilRegistrationNumber")) {
            String cpr = ParsedMessage.textOf(element);
            if (!Cpr.isTenDigits(cpr) || Cpr.UNKNOWN.equals(cpr)) {
                continue;
            }
            if (Cpr.birthDate(cpr).isEmpty()) {
                findings.add(ValidationCode.CPR_DATE.at(element));
            } else if (!Cpr.passesModulus11(cpr)) {
                findings.add(ValidationCode.CPR_MODULUS_11.at(element));
            }
        }
        return findings;
    }
}
