package dk.region.medcom.gateway.parse.xml;

import dk.region.medcom.gateway.message.Location;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Reads an untrusted MedCom XML message into a DOM whose elements know their line and column
 * ({@link NodeLocations}). Refuses, with a finding that says why: oversize input, DTDs and
 * entities, an encoding declaration the bytes contradict, invalid bytes, and XML that is not
 * well-formed. Thread-safe: each thread reuses its own SAX reader.
 */
public final class SafeXmlParser {

    public static final long DEFAULT_MAX_BYTES = 10_485_760L;

    private static final SAXParserFactory SAX = XmlFactories.hardenedSaxFactory();
    private static final DOMImplementation DOM = domImplementation();

    private final long maxBytes;
    private final ThreadLocal<XMLReader> readers = ThreadLocal.withInitial(SafeXmlParser::newReader);

    public SafeXmlParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public SafeXmlParser(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** True when the bytes are UTF-16 by their byte order mark or the UTF-16 shape of a leading {@code <}. */
    public static boolean isUtf16(byte[] xml) {
        return xml != null && (ByteSniff.of(xml).utf16()
                || xml.length >= 2 && (xml[0] == 0 && xml[1] == '<' || xml[0] == '<' && xml[1] == 0));
    }

    public Document parse(byte[] xml) throws UnreadableXmlException {
        if (xml == null || xml.length == 0) {
            throw XmlReadError.EMPTY.exception(Location.NONE);
        }
        if (xml.length > maxBytes) {
            throw XmlReadError.TOO_LARGE.exception(Location.NONE, maxBytes);
        }
        String text = MessageText.decode(xml);
        if (Prolog.declaresDoctype(text)) {
            throw XmlReadError.DTD.exception(Prolog.doctypeLocation(text));
        }
        LocatingDomBuilder builder = new LocatingDomBuilder(DOM.createDocument(null, null, null), text.length());
        XMLReader reader = readers.get();
        reader.setContentHandler(builder);
        try {
            reader.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            throw notWellFormed(e, text);
        } catch (SAXException | IOException | RuntimeException e) {
            readers.remove(); // a reader in an unknown state is not reused
            // e.g. the JDK's parser failing inside ("Scanner State 24 not Recognized"): where it was is the place
            Location where = builder.place() != null ? builder.place() : endOf(text);
            throw XmlReadError.NOT_WELL_FORMED.exception(where, ParserMessages.sanitise(e.getMessage()));
        } finally {
            reader.setContentHandler(null);
        }
        return builder.document();
    }

    private static UnreadableXmlException notWellFormed(SAXParseException e, String text) {
        Location where = e.getLineNumber() > 0
                ? Location.xml(positive(e.getLineNumber()), positive(e.getColumnNumber()), null)
                : endOf(text); // the parser gives no place when the text ended too early: the end is the place
        if (e instanceof LocatingDomBuilder.TooDeep) {
            return XmlReadError.TOO_DEEP.exception(where, LocatingDomBuilder.MAX_DEPTH);
        }
        if (e instanceof LocatingDomBuilder.ProcessingInstruction) {
            return XmlReadError.PROCESSING_INSTRUCTION.exception(where);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE")) {
            return XmlReadError.DTD.exception(where);
        }
        return XmlReadError.NOT_WELL_FORMED.exception(where, ParserMessages.sanitise(message));
    }

    private static Location endOf(String text) {
        int lastBreak = text.lastIndexOf('\n');
        int line = (int) text.chars().filter(c -> c == '\n').count() + 1;
        return Location.xml(line, text.length() - lastBreak, null);
    }

    private static Integer positive(int n) {
        return n > 0 ? n : null;
    }

    private static XMLReader newReader() {
        try {
            XMLReader reader = SAX.newSAXParser().getXMLReader();
            reader.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused");
            });
            reader.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e; // recoverable errors (e.g. namespace faults) still mean "unreadable"
                }
            });
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot create a hardened SAX reader", e);
        }
    }

    private static DOMImplementation domImplementation() {
        try {
            DocumentBuilderFactory factory = XmlFactories.hardenedDomFactory();
            return factory.newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot create a DOM implementation", e);
        }
    }
}
