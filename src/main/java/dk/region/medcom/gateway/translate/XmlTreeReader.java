package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.parse.xml.XmlFactories;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads a MedCom XML document into an {@link XmlElement} tree with the hardened StAX factory. */
final class XmlTreeReader {

    private final XMLInputFactory factory = XmlFactories.hardenedStaxFactory();

    /** The root element, or null with a finding when the document is not well-formed. */
    XmlElement read(byte[] xml, List<Finding> findings) {
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            XmlElement root = null;
            XmlElement current = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    XmlElement element = new XmlElement(reader.getNamespaceURI(), reader.getLocalName(), current,
                            reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber());
                    if (current == null) {
                        root = element;
                    } else {
                        current.content.add(element);
                    }
                    current = element;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    current = current.parent();
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) && current != null) {
                    addText(current, reader.getText());
                } else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new XMLStreamException("DTDs and entity references are not allowed", reader.getLocation());
                }
            }
            return root;
        } catch (XMLStreamException | RuntimeException e) {
            // The parser's message can quote the document, so only its position is reported.
            javax.xml.stream.Location where = e instanceof XMLStreamException x ? x.getLocation() : null;
            if (where == null && reader != null) {
                where = reader.getLocation();
            }
            // Without any position (the declaration itself is unreadable) the fault is at the start.
            findings.add(TranslationRule.XML_MALFORMED.at(where == null ? Location.xml(1, 1, null)
                    : Location.xml(where.getLineNumber(), where.getColumnNumber(), null)));
            return null;
        } finally {
            close(reader);
        }
    }

    private static void addText(XmlElement element, String text) {
        int last = element.content.size() - 1;
        if (last >= 0 && element.content.get(last) instanceof String previous) {
            element.content.set(last, previous + text);
        } else {
            element.content.add(text);
        }
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing left to release
            }
        }
    }
}
