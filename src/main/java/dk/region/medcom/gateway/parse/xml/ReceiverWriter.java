package dk.region.medcom.gateway.parse.xml;

import dk.region.medcom.gateway.message.Recipient;
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
 * added, so the message keeps its schema's element order. Written once, where the outbound form is
 * made (the translate stage), on a copy: the DOM parse read stays the message as received.
 */
public final class ReceiverWriter {

    private final TransformerFactory transformers = XmlFactories.transformerFactory();

    /** The message's XML form with {@code recipient} as its Receiver; {@code document} is not changed. */
    public byte[] write(Document document, Recipient recipient) {
        Document copy = (Document) document.cloneNode(true);
        // the declaration is written from the parsed document's, as before the copy (a clone need not keep it)
        copy.setXmlStandalone(document.getXmlStandalone());
        copy.setXmlVersion(document.getXmlVersion());
        Element receiver = receiverOf(copy);
        if (receiver != null) {
            set(receiver, "EANIdentifier", recipient.locationNumber());
            if (recipient.municipality() != null && child(receiver, "IdentifierCode") != null) {
                set(receiver, "Identifier", recipient.municipality());
                set(receiver, "IdentifierCode", "kommunenummer");
            }
            set(receiver, "OrganisationName", recipient.organisation());
            set(receiver, "DepartmentName", recipient.unit());
        }
        return serialise(copy);
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
