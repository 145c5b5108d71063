package dk.region.medcom.gateway.validate.rules;

import dk.region.medcom.gateway.message.Cpr;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Patients under 18, by the birth date in their CPR number, belong to the children's pathway
 * (highly specialised habilitation, status reports to the municipality): flagged as INFO so
 * routing and reporting can tell child pathways from adult ones.
 */
final class ChildPathwayRule implements BusinessRule {

    private final Clock clock;

    ChildPathwayRule(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Finding> check(ParsedMessage message) {
        Optional<Element> cpr = message.find("Patient", "CivilRegistrationNumber");
        if (cpr.isEmpty()) {
            return List.of();
        }
        String number = ParsedMessage.textOf(cpr.get());
        if (!Cpr.isTenDigits(number) || Cpr.UNKNOWN.equals(number)) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(DanishTime.ZONE));
        return Cpr.birthDate(number)
                .filter(born -> born.plusYears(18).isAfter(today))
                .map(born -> List.of(ValidationCode.CHILD_PATHWAY.at(cpr.get())))
                .orElse(List.of());
    }
}
