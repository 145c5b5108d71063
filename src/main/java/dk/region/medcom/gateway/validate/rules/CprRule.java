package dk.region.medcom.gateway.validate.rules;

import dk.region.medcom.gateway.message.CprNumber;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.PatientFacts;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import java.util.List;

/**
 * The patient's CPR number must start with a real birth date (CPR-DATE, an error); failing
 * modulus 11 is only a remark (CPR-MODULUS-11, INFO). {@code 0000000000} means "unknown" and is
 * accepted; a value that is not ten digits is the schema's business. The schemas put a CPR number
 * only in Patient, so the parse-time patient facts hold the only one to check.
 */
final class CprRule implements BusinessRule {

    @Override
    public List<Finding> check(ParsedMessage message) {
        PatientFacts patient = message.patient();
        CprNumber cpr = patient.cpr();
        if (cpr == null || cpr.isUnknown()) {
            return List.of();
        }
        if (patient.birthDate() == null) {
            return List.of(ValidationCode.CPR_DATE.at(patient.cprLocation(), ValidationCode.CPR_DATE.severity()));
        }
        if (!cpr.passesModulus11()) {
            return List.of(ValidationCode.CPR_MODULUS_11.at(patient.cprLocation(), ValidationCode.CPR_MODULUS_11.severity()));
        }
        return List.of();
    }
}
