package dk.region.medcom.gateway.parse.xml;

import dk.region.medcom.gateway.message.JournalLimits;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.Phrase;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * What the journal cannot keep, found where the values are: an identifier, location number,
     * type or version longer than {@link JournalLimits} allows (XML-VALUE-TOO-LONG), and a second
     * letter in the Emessage (XML-MORE-THAN-ONE-LETTER): the gateway tracks, routes and answers
     * one letter per message, and a second would ride along unseen behind the first.
     */
    public static List<Finding> check(Document document) {
        List<Finding> findings = new ArrayList<>();
        Element root = document.getDocumentElement();
        if (root == null || !"Emessage".equals(root.getLocalName())) {
            return findings;
        }
        Element envelope = child(root, "Envelope");
        Element body = firstChildElementExcept(root, "Envelope");
        Element letter = child(body, "Letter");
        checkLength(child(envelope, "Identifier"), JournalLimits.Field.ENVELOPE_ID, findings);
        checkLength(child(letter, "Identifier"), JournalLimits.Field.LETTER_ID, findings);
        checkLength(child(letter, "StatisticalCode"), JournalLimits.Field.MESSAGE_TYPE, findings);
        checkLength(child(letter, "VersionCode"), JournalLimits.Field.VERSION_CODE, findings);
        checkLength(child(child(body, "Sender"), "EANIdentifier"), JournalLimits.Field.SENDER, findings);
        checkLength(child(child(body, "Receiver"), "EANIdentifier"), JournalLimits.Field.RECEIVER, findings);
        for (Node n = body == null ? null : body.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !"Envelope".equals(e.getLocalName())) {
                findings.add(Finding.error("XML-MORE-THAN-ONE-LETTER", NodeLocations.of(e),
                        "a second letter in the Emessage; the gateway takes one letter per message, send each in its own",
                        "endnu et brev i Emessage; gatewayen modtager ét brev pr. meddelelse, send hvert brev i sin egen"));
                break;
            }
        }
        return findings;
    }

    private static void checkLength(Element element, JournalLimits.Field field, List<Finding> findings) {
        String value = text(element);
        if (value != null && !field.fits(value)) {
            findings.add(Finding.formatted("XML-VALUE-TOO-LONG", dk.region.medcom.gateway.message.Severity.ERROR,
                    NodeLocations.of(element), "%s is %s characters long; the gateway keeps at most %s",
                    "%s er %s tegn langt; gatewayen gemmer højst %s",
                    new Phrase("the value", "værdien"), value.length(), field.limit));
        }
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
