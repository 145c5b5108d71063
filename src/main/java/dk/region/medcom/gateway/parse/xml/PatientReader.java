package dk.region.medcom.gateway.parse.xml;

import dk.region.medcom.gateway.message.CprNumber;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.PatientFacts;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a letter's patient facts once: Patient/CivilRegistrationNumber, Patient/PostCodeIdentifier
 * and the letter's ResidenceMunicipalityCode. The one place the gateway looks for them in the XML.
 * DOM, not the typed letter: each namespace has its own generated PatientType (chameleon includes), and one DOM read serves all four.
 */
public final class PatientReader {

    private PatientReader() {
    }

    /** The facts of the first letter under Emessage; {@link PatientFacts#NONE} when there is none. */
    public static PatientFacts read(Document document) {
        Element root = document.getDocumentElement();
        return root == null ? PatientFacts.NONE : read(MessageKind.letterElement(root));
    }

    /** The facts of this letter element (ClinicalEmail, MunicipalReferral, ...). */
    public static PatientFacts read(Element letter) {
        if (letter == null) {
            return PatientFacts.NONE;
        }
        Element patient = Dom.child(letter, "Patient");
        Element cprElement = patient == null ? null : Dom.child(patient, "CivilRegistrationNumber");
        CprNumber cpr = cprElement == null ? null : CprNumber.of(cprElement.getTextContent()).orElse(null);
        Location cprAt = cprElement == null ? Location.NONE : NodeLocations.of(cprElement);
        return PatientFacts.of(cpr, cprAt, text(Dom.child(letter, "ResidenceMunicipalityCode")),
                patient == null ? null : text(Dom.child(patient, "PostCodeIdentifier")));
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }
}
