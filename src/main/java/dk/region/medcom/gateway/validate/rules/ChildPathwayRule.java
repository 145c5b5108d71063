package dk.region.medcom.gateway.validate.rules;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.PatientFacts;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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
        PatientFacts patient = message.patient();
        LocalDate today = LocalDate.now(clock.withZone(DanishTime.ZONE));
        if (patient.birthDate() == null || !patient.birthDate().plusYears(18).isAfter(today)) {
            return List.of(); // no birth date (unknown or not a date: CPR-DATE reports it), or an adult
        }
        return List.of(ValidationCode.CHILD_PATHWAY.at(patient.cprLocation(), ValidationCode.CHILD_PATHWAY.severity()));
    }
}
