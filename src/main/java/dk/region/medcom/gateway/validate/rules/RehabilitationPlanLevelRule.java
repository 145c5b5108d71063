package dk.region.medcom.gateway.validate.rules;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * A rehabilitation plan states its level (GGOP-LEVEL), and the level decides who receives it
 * (GGOP-LEVEL-RECEIVER): specialised rehabilitation (§84) is given by a region/hospital, the
 * general and specialised-rehabilitation levels (§140) by a municipality. The receiver's
 * IdentifierCode tells which it is. A plan sent to the wrong party is the audits' other big
 * rejection cause ("wrong department"). The legal basis should match the level too
 * (GGOP-LEGAL-BASIS, a warning: the exact wording of the sections is not verified).
 */
final class RehabilitationPlanLevelRule implements BusinessRule {

    static final String REHABILITATION_PLAN = "RehabilitationPlan";
    private static final String HOSPITAL_LEVEL = "specialiseret_genoptraening";
    private static final Set<String> HOSPITAL_CODES = Set.of("sygehusafdelingsnummer", "sorkode");
    private static final Set<String> MUNICIPALITY_CODES = Set.of("kommunenummer");

    @Override
    public List<Finding> check(ParsedMessage message) {
        if (!message.isLetter(REHABILITATION_PLAN)) {
            return List.of();
        }
        Optional<String> level = message.text("TypeOfRehabilitationPlan");
        if (level.isEmpty()) {
            return List.of(ValidationCode.PLAN_LEVEL.at(message.letter().orElseThrow()));
        }
        boolean hospitalLevel = HOSPITAL_LEVEL.equals(level.get());
        List<Finding> findings = new ArrayList<>();
        Optional<Element> receiverCode = message.find("Receiver", "IdentifierCode"); // absent: the schema reports it
        if (receiverCode.isPresent()) {
            String actual = ParsedMessage.textOf(receiverCode.get());
            if (!(hospitalLevel ? HOSPITAL_CODES : MUNICIPALITY_CODES).contains(actual)) {
                String expectedParty = hospitalLevel ? "sygehusafdelingsnummer/sorkode" : "kommunenummer";
                findings.add(ValidationCode.PLAN_LEVEL_RECEIVER.at(receiverCode.get(), level.get(), expectedParty, actual));
            }
        }
        message.find("LegalBasis").ifPresent(basis -> {
            String expectedBasis = hospitalLevel ? "sundhedsloven_84" : "sundhedsloven_140";
            String actualBasis = ParsedMessage.textOf(basis);
            if (!expectedBasis.equals(actualBasis)) {
                findings.add(ValidationCode.PLAN_LEGAL_BASIS.at(basis, level.get(), expectedBasis, actualBasis));
            }
        });
        return findings;
    }
}
