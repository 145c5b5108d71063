package dk.region.medcom.gateway.receipts;

import dk.region.medcom.gateway.message.MessageHeader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a MedCom XML receipt (namespace 2005/08/07) answering one letter. The EDIFACT form, for
 * senders who use EDIFACT, is made from this by the EDIFACT engine.
 */
final class ReceiptWriter {

    static final String NAMESPACE = "http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    /** What XML 1.0 cannot carry (control characters, lone surrogates): an EDIFACT sender's identifiers may hold them. */
    private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    /**
     * @param id          the receipt's envelope and letter identifier (14 characters at most)
     * @param fromLocation the location number the receipt is sent from (the original receiver)
     * @param refuseText  lines of the reason, for a negative receipt; empty for a positive one
     */
    static byte[] write(ReceiptKind kind, String id, ZonedDateTime sent, String fromLocation, MessageHeader original,
                        String originalVersionCode, String refuseCode, List<String> refuseText) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("Emessage");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement("Envelope");
            xml.writeStartElement("Sent");
            element(xml, "Date", sent.format(DateTimeFormatter.ISO_LOCAL_DATE));
            element(xml, "Time", sent.format(DateTimeFormatter.ofPattern("HH:mm")));
            xml.writeEndElement();
            element(xml, "Identifier", id);
            element(xml, "AcknowledgementCode", "minuspositivkvitt");
            xml.writeEndElement();
            xml.writeStartElement(kind.element);
            xml.writeStartElement("Letter");
            element(xml, "Identifier", id);
            element(xml, "VersionCode", kind.versionCode);
            element(xml, "StatisticalCode", kind.statisticalCode);
            xml.writeEndElement();
            ean(xml, "Sender", fromLocation);
            ean(xml, "Receiver", original.senderLocation());
            xml.writeStartElement("OriginalEmessage");
            element(xml, "OriginalEnvelopeIdentifier", original.envelopeId());
            ean(xml, "OriginalSender", original.senderLocation());
            ean(xml, "OriginalReceiver", original.receiverLocation() == null ? fromLocation : original.receiverLocation());
            xml.writeStartElement("OriginalLetter");
            element(xml, "OriginalLetterIdentifier", original.letterId());
            element(xml, "OriginalVersionCode", originalVersionCode);
            if (kind == ReceiptKind.NEGATIVE) {
                element(xml, "RefuseCode", refuseCode);
                xml.writeStartElement("RefuseText");
                for (String line : refuseText) {
                    xml.writeCharacters(xmlSafe(line));
                    xml.writeEmptyElement("Break");
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a receipt", e);
        }
        return bytes.toByteArray();
    }

    private static void ean(XMLStreamWriter xml, String name, String location) throws XMLStreamException {
        xml.writeStartElement(name);
        element(xml, "EANIdentifier", location);
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : xmlSafe(text));
        xml.writeEndElement();
    }

    /** The original's values are quoted back as far as XML can hold them; the rest becomes '?'. */
    private static String xmlSafe(String text) {
        return NOT_XML.matcher(text).replaceAll("?");
    }
}
