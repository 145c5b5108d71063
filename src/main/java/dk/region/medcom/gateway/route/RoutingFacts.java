package dk.region.medcom.gateway.route;

import dk.region.medcom.gateway.message.PatientFacts;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What routing reads from a message: the receiver as the sender addressed it, and the patient
 * facts parse read once (residence municipality, postcode, birth date for age rules). The birth
 * date stays inside the gateway; routing steps mention only "under 18" or "18 or over".
 */
record RoutingFacts(String messageType, String receiverLocation, String receiverIdentifierCode,
                    String receiverIdentifier, PatientFacts patient) {

    static RoutingFacts read(Document document, String messageType, String receiverLocation, PatientFacts patient) {
        if (document == null) {
            return new RoutingFacts(messageType, receiverLocation, null, null, patient);
        }
        ParsedMessage letter = ParsedMessage.perLetter(document, patient).get(0);
        return new RoutingFacts(messageType, receiverLocation,
                text(letter, "Receiver", "IdentifierCode"),
                text(letter, "Receiver", "Identifier"),
                patient);
    }

    String residenceMunicipality() {
        return patient.residenceMunicipality();
    }

    String patientPostcode() {
        return patient.postcode();
    }

    private static String text(ParsedMessage message, String... path) {
        return message.find(path).map(Element::getTextContent).map(String::trim).filter(s -> !s.isEmpty())
                .orElse(null);
    }
}
