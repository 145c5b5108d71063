package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import java.util.List;

/**
 * The patient block every MedCom letter shares (identifier, name, address), read once for all
 * letter types; each letter's patient adds its own fields by extending this.
 */
class PatientIdentity {
    String civilRegistrationNumber;
    String alternativeIdentifier;
    String surname;
    String givenName;
    String streetName;
    String suburbName;
    String districtName;
    String postCode;

    /** Reads the shared elements of {@code element} into this patient; CPR and replacement-id faults go to {@code findings}. */
    void readIdentity(XmlElement element, List<Finding> findings) {
        civilRegistrationNumber = element.text("CivilRegistrationNumber");
        if (civilRegistrationNumber != null && !Identifiers.isCpr(civilRegistrationNumber)) {
            findings.add(TranslationRule.CPR.at(element.child("CivilRegistrationNumber"), "Patient/CivilRegistrationNumber"));
        }
        alternativeIdentifier = element.text("AlternativeIdentifier");
        if (alternativeIdentifier != null && alternativeIdentifier.length() != 10) {
            findings.add(TranslationRule.WRONG_LENGTH.at(element.child("AlternativeIdentifier"), "Patient/AlternativeIdentifier", 10));
        }
        surname = element.text("PersonSurnameName");
        givenName = element.text("PersonGivenName");
        streetName = element.text("StreetName");
        suburbName = element.text("SuburbName");
        districtName = element.text("DistrictName");
        postCode = element.text("PostCodeIdentifier");
    }
}
