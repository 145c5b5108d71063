package dk.region.medcom.gateway.parse;

import dk.region.medcom.gateway.message.JournalLimits;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.parse.edifact.EdifactSniffer;
import dk.region.medcom.gateway.parse.edifact.EnvelopeHeaderReader;
import dk.region.medcom.gateway.parse.xml.HeaderReader;
import dk.region.medcom.gateway.parse.xml.LetterBinder;
import dk.region.medcom.gateway.parse.xml.PatientReader;
import dk.region.medcom.gateway.parse.xml.SafeXmlParser;
import dk.region.medcom.gateway.parse.xml.UnreadableXmlException;
import dk.region.medcom.gateway.translate.EdifactTranslator;
import dk.region.medcom.gateway.translate.Translation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * The parse stage: tells EDIFACT from XML, brings EDIFACT to its MedCom XML form through the
 * EDIFACT engine (envelope faults stop the message here), and reads the header every later
 * stage needs. All later stages work on the XML form.
 */
public class MessageParser {

    private final EdifactTranslator edifact;
    private final SafeXmlParser xmlParser;
    private final EnvelopeHeaderReader envelopeHeaders = new EnvelopeHeaderReader();

    public MessageParser(EdifactTranslator edifact, SafeXmlParser xmlParser) {
        this.edifact = edifact;
        this.xmlParser = xmlParser;
    }

    public PipelineMessage parse(PipelineMessage message) {
        if (message.isRejected()) {
            return message; // refused before parse (it ran the heap out before): not read again
        }
        byte[] original = message.original();
        if (original.length == 0) {
            return message.withFinding(Finding.error("PARSE-EMPTY", Location.NONE,
                    "the message is empty", "meddelelsen er tom"));
        }
        if (EdifactSniffer.looksLikeEdifact(original)) {
            Optional<Finding> second = envelopeHeaders.secondMessage(original);
            Translation translation = edifact.toXml(original);
            PipelineMessage read = message.withFindings(translation.findings()).withFindings(second.stream().toList());
            if (!translation.ok() || second.isPresent()) {
                return read.withParse(MessageFormat.EDIFACT, null,
                        JournalLimits.fit(envelopeHeaders.read(original).orElse(MessageHeader.UNKNOWN)));
            }
            return readHeader(read, MessageFormat.EDIFACT, translation.output());
        }
        if (SafeXmlParser.isUtf16(original)) {
            // XML may be UTF-16, but MedCom's is not, and the gateway delivers XML as sent: the
            // sender hears at once (a negative receipt) rather than a recipient failing to read it
            return message.withFinding(Finding.error("XML-ENCODING-UTF16", Location.xml(1, 1, null),
                    "the message is UTF-16; MedCom XML must be UTF-8 or ISO-8859-1",
                    "meddelelsen er UTF-16; MedCom XML skal være UTF-8 eller ISO-8859-1"))
                    .withParse(MessageFormat.XML, null, MessageHeader.UNKNOWN);
        }
        if (looksLikeXml(original)) {
            return readHeader(message, MessageFormat.XML, original);
        }
        return message.withFinding(Finding.error("PARSE-UNKNOWN-FORMAT", Location.segment(1, null, 0),
                "the message is neither MedCom XML nor EDIFACT (it must start with '<', UNA or UNB)",
                "meddelelsen er hverken MedCom XML eller EDIFACT (den skal begynde med '<', UNA eller UNB)"));
    }

    private PipelineMessage readHeader(PipelineMessage message, MessageFormat format, byte[] xml) {
        try {
            Document document = xmlParser.parse(xml);
            Optional<MessageHeader> header = HeaderReader.read(document);
            List<Finding> findings = new ArrayList<>();
            if (header.isEmpty()) {
                findings.add(Finding.error("PARSE-NOT-MEDCOM", Location.xml(null, null, "/*"),
                        "the root element is not a MedCom Emessage", "rodelementet er ikke en MedCom Emessage"));
            }
            findings.addAll(HeaderReader.check(document));
            return message.withFindings(findings).withParse(format, xml, document,
                    JournalLimits.fit(header.orElse(MessageHeader.UNKNOWN)),
                    // the JAXB read costs ~65 us CPU per XREF15 letter against ~33 us for the DOM parse (BindCpuProbe): paid once here
                    PatientReader.read(document), LetterBinder.bind(document));
        } catch (UnreadableXmlException e) {
            return message.withFinding(e.finding()).withParse(format, null, MessageHeader.UNKNOWN);
        }
    }

    /** XML starts with '<' after an optional byte order mark and whitespace. */
    static boolean looksLikeXml(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        return i < bytes.length && bytes[i] == '<';
    }
}
