package dk.region.medcom.gateway.validate.rules;

import dk.region.medcom.gateway.message.Excerpt;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.LocationNumber;
import dk.region.medcom.gateway.message.Severity;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Location numbers (lokationsnumre) should be 13 digits with a valid GS1 check digit. Reported at a
 * configurable severity, WARNING by default: MedCom's own test data has numbers that fail it.
 * Values with letters (VANS identifiers such as DKKMDKMDNET) are not location numbers and pass.
 */
final class GlnRule implements BusinessRule {

    private final Severity severity;

    GlnRule(Severity severity) {
        this.severity = severity;
    }

    @Override
    public List<Finding> check(ParsedMessage message) {
        List<Finding> findings = new ArrayList<>();
        for (Element element : message.descendants("EANIdentifier")) {
            String gln = ParsedMessage.textOf(element);
            if (gln.isEmpty() || !gln.chars().allMatch(Character::isDigit)) {
                continue;
            }
            if (gln.length() != 13) {
                findings.add(ValidationCode.GLN_LENGTH.at(element, severity, Excerpt.of(gln)));
            } else if (!LocationNumber.hasValidCheckDigit(gln)) {
                findings.add(ValidationCode.GLN_CHECK_DIGIT.at(element, severity, Excerpt.of(gln)));
            }
        }
        return findings;
    }
}
