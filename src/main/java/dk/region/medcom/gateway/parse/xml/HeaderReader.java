package dk.region.medcom.gateway.parse.xml;

import dk.region.medcom.gateway.message.MessageHeader;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the routing-relevant facts out of a MedCom {@code Emessage}: the Envelope, and the Letter,
 * Sender and Receiver of the document under it. These building blocks are the same in every
 * MedCom message type, so one reader serves them all.
 */
public final class HeaderReader {

    private HeaderReader() {
    }

    /** Empty when the root is not a MedCom {@code Emessage}. */
    public static Optional<MessageHeader> read(Document document) {
        Element root = document.getDocumentElement();
        if (root == null || !"Emessage".equals(root.getLocalName())) {
            return Optional.empty();
        }
        Element envelope = child(root, "Envelope");
        Element body = firstChildElementExcept(root, "Envelope");
        Element letter = child(body, "Letter");
        String type = text(child(letter, "StatisticalCode"));
        return Optional.of(new MessageHeader(
                type == null ? MessageHeader.UNKNOWN_TYPE : type,
                text(child(letter, "VersionCode")),
                root.getNamespaceURI(),
                body == null ? null : body.getLocalName(),
                text(child(envelope, "Identifier")),
                text(child(letter, "Identifier")),
                text(child(child(body, "Sender"), "EANIdentifier")),
                text(child(child(body, "Receiver"), "EANIdentifier")),
                "pluspositivkvitt".equals(text(child(envelope, "AcknowledgementCode")))));
    }

    private static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Element firstChildElementExcept(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }
}
