package dk.region.medcom.gateway.route;

import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import java.time.LocalDate;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What routing reads from a message: the receiver as the sender addressed it, the patient's
 * residence municipality and postcode, and the patient's birth date (for age rules). The birth
 * date stays inside the gateway; routing steps mention only "under 18" or "18 or over".
 */
record RoutingFacts(String messageType, String receiverLocation, String receiverIdentifierCode,
                    String receiverIdentifier, String residenceMunicipality, String patientPostcode,
                    Optional<LocalDate> patientBirthDate) {

    static RoutingFacts read(Document document, String messageType, String receiverLocation) {
        ParsedMessage message = new ParsedMessage(document);
        return new RoutingFacts(messageType, receiverLocation,
                text(message, "Receiver", "IdentifierCode"),
                text(message, "Receiver", "Identifier"),
                text(message, "ResidenceMunicipalityCode"),
                text(message, "Patient", "PostCodeIdentifier"),
                Optional.ofNullable(text(message, "Patient", "CivilRegistrationNumber"))
                        .flatMap(dk.region.medcom.gateway.message.Cpr::birthDate));
    }

    private static String text(ParsedMessage message, String... path) {
        return message.find(path).map(Element::getTextContent).map(String::trim).filter(s -> !s.isEmpty())
                .orElse(null);
    }
}
