package dk.region.medcom.gateway.route;

import dk.region.medcom.gateway.message.Recipient;
import dk.region.medcom.gateway.parse.xml.XmlFactories;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes the receiver the gateway resolved into the message's Receiver block, so the recipient
 * sees itself addressed correctly: its location number always, and its kommunenummer,
 * organisation and unit where the message has those elements. Elements are only filled in, never
 * added, so the message keeps its schema's element order.
 */
final class ReceiverEnrichment {

    private final TransformerFactory transformers = XmlFactories.transformerFactory();

    byte[] writeReceiver(Document document, Recipient recipient) {
        Element receiver = receiverOf(document);
        if (receiver != null) {
            set(receiver, "EANIdentifier", recipient.locationNumber());
            if (recipient.municipality() != null && child(receiver, "IdentifierCode") != null) {
                set(receiver, "Identifier", recipient.municipality());
                set(receiver, "IdentifierCode", "kommunenummer");
            }
            set(receiver, "OrganisationName", recipient.organisation());
            set(receiver, "DepartmentName", recipient.unit());
        }
        return serialise(document);
    }

    private static Element receiverOf(Document document) {
        Element root = document.getDocumentElement();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element letter && !"Envelope".equals(letter.getLocalName())) {
                return child(letter, "Receiver");
            }
        }
        return null;
    }

    private static void set(Element parent, String localName, String value) {
        Element element = child(parent, localName);
        if (element != null && value != null) {
            element.setTextContent(value);
        }
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private byte[] serialise(Document document) {
        try {
            Transformer transformer = transformers.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write the enriched message", e);
        }
    }
}
