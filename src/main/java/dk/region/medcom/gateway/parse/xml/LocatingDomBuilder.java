package dk.region.medcom.gateway.parse.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds a DOM from SAX events and remembers, on every element, the line and column where its
 * start tag ends. A plain DocumentBuilder forgets positions, and findings must say where they are.
 * Comments are dropped: no rule looks at them. A processing instruction stops the parse: the
 * gateway delivers XML as sent, and an instruction to the recipient's software (a stylesheet to
 * fetch, say) is not the sender's to give, so it is refused rather than passed on.
 */
final class LocatingDomBuilder extends DefaultHandler {

    /** MedCom letters nest about ten deep; anything far deeper is an attack on the stack, not a letter. */
    static final int MAX_DEPTH = 100;

    private final Document document;
    private final Map<Element, Long> positions;
    private final List<String[]> pendingNamespaces = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private Node current;
    private Locator locator;
    private int depth;

    LocatingDomBuilder(Document emptyDocument, int textLength) {
        this.document = emptyDocument;
        this.positions = NodeLocations.newTable(emptyDocument, textLength / 40); // ~ one element per 40 characters
        this.current = emptyDocument;
    }

    Document document() {
        return document;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    /** Where the parser is now (line and column), or null before it said. */
    dk.region.medcom.gateway.message.Location place() {
        return locator == null || locator.getLineNumber() <= 0 ? null
                : dk.region.medcom.gateway.message.Location.xml(locator.getLineNumber(),
                        locator.getColumnNumber() > 0 ? locator.getColumnNumber() : null, null);
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) {
        pendingNamespaces.add(new String[] {prefix, uri});
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        if (++depth > MAX_DEPTH) {
            throw new TooDeep(locator);
        }
        flushText();
        Element element = document.createElementNS(uri.isEmpty() ? null : uri, qName);
        for (String[] ns : pendingNamespaces) {
            String name = ns[0].isEmpty() ? "xmlns" : "xmlns:" + ns[0];
            element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, name, ns[1]);
        }
        pendingNamespaces.clear();
        for (int i = 0; i < attributes.getLength(); i++) {
            String attributeUri = attributes.getURI(i);
            element.setAttributeNS(attributeUri.isEmpty() ? null : attributeUri, attributes.getQName(i), attributes.getValue(i));
        }
        if (locator != null) {
            NodeLocations.remember(positions, element, locator.getLineNumber(), locator.getColumnNumber());
        }
        current.appendChild(element);
        current = element;
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        depth--;
        flushText();
        current = current.getParentNode();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        text.append(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        throw new ProcessingInstruction(locator); // the XML declaration is not one: SAX never reports it
    }

    /** Thrown at a processing instruction. */
    static final class ProcessingInstruction extends SAXParseException {
        private static final long serialVersionUID = 1L;

        ProcessingInstruction(Locator locator) {
            super("processing instruction", locator);
        }
    }

    /** Thrown when elements nest deeper than {@link #MAX_DEPTH}. */
    static final class TooDeep extends SAXParseException {
        private static final long serialVersionUID = 1L;

        TooDeep(Locator locator) {
            super("elements nest deeper than " + MAX_DEPTH, locator);
        }
    }

    private void flushText() {
        if (!text.isEmpty()) {
            if (current != document) {
                current.appendChild(document.createTextNode(text.toString()));
            }
            text.setLength(0);
        }
    }
}
