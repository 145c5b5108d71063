package dk.region.medcom.gateway.validate.rules;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.validate.BusinessRule;
import dk.region.medcom.gateway.validate.ParsedMessage;
import dk.region.medcom.gateway.validate.ValidationCode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * A rehabilitation plan states its level (GGOP-LEVEL), and the level decides who receives it
 * (GGOP-LEVEL-RECEIVER): specialised rehabilitation (§84) is given by a region/hospital, the
 * general and specialised-rehabilitation levels (§140) by a municipality. The receiver's
 * IdentifierCode tells which it is. A plan sent to the wrong party is the audits' other big
 * rejection cause ("wrong department").
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
        Optional<Element> receiverCode = message.find("Receiver", "IdentifierCode");
        if (receiverCode.isEmpty()) {
            return List.of(); // the schema reports a receiver without IdentifierCode
        }
        boolean hospitalLevel = HOSPITAL_LEVEL.equals(level.get());
        Set<String> expected = hospitalLevel ? HOSPITAL_CODES : MUNICIPALITY_CODES;
        String actual = ParsedMessage.textOf(receiverCode.get());
        if (expected.contains(actual)) {
            return List.of();
        }
        String expectedParty = hospitalLevel ? "sygehusafdelingsnummer/sorkode" : "kommunenummer";
        return List.of(ValidationCode.PLAN_LEVEL_RECEIVER.at(receiverCode.get(), level.get(), expectedParty, actual));
    }
}
