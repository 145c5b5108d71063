package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Phrase;
import dk.region.medcom.gateway.parse.edifact.EdifactReader;
import dk.region.medcom.gateway.parse.edifact.Interchange;
import dk.region.medcom.gateway.parse.edifact.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** EDIFACT interchange to one MedCom {@code Emessage}: envelope from UNB, one letter element per message. */
final class EdifactToXml {

    private final MappingData mapping;
    private final Map<String, LetterMapping> letterMappings;
    private final EdifactReader reader;

    EdifactToXml(MappingData mapping, Map<String, LetterMapping> letterMappings) {
        this.mapping = mapping;
        this.letterMappings = letterMappings;
        this.reader = new EdifactReader((type, version) -> mapping.byEdifact(type, version).isPresent());
    }

    Translation translate(byte[] edifact) {
        Interchange interchange = reader.read(edifact);
        List<Finding> findings = new ArrayList<>(interchange.findings());
        if (interchange.hasErrors()) {
            return new Translation(null, findings);
        }
        Segment unb = interchange.header();
        Envelope envelope = envelope(unb, findings);
        List<List<Segment>> messages = interchange.messages();
        MessageType first = typeOf(messages.get(0));
        XmlOut out = new XmlOut();
        out.rootStart("Emessage", first.xmlNamespace());
        out.start("Envelope").start("Sent").element("Date", envelope.date()).element("Time", envelope.time()).end("Sent")
                .element("Identifier", envelope.identifier()).element("AcknowledgementCode", envelope.acknowledgementCode())
                .end("Envelope");
        for (List<Segment> message : messages) {
            MessageType type = typeOf(message);
            if (!type.xmlNamespace().equals(first.xmlNamespace())) {
                findings.add(TranslationRule.UNEXPECTED_SEGMENT.at(message.get(0), new Phrase("an interchange of " + first.letterType()
                        + " letters (one XML namespace per Emessage)", "en forsendelse med " + first.letterType()
                        + "-breve (ét XML-navnerum pr. Emessage)")));
                continue;
            }
            checkUnh(message.get(0), type);
            letterMappings.get(type.mapping()).toXml(type, message, envelope, out, findings);
            UnreadData.report(message, findings);
        }
        UnreadData.report(List.of(unb), findings);
        out.end("Emessage");
        return new Translation(findings.stream().anyMatch(Finding::isError) ? null : out.toBytes(), findings);
    }

    private MessageType typeOf(List<Segment> message) {
        Segment unh = message.get(0);
        return mapping.byEdifact(unh.value(2, 1), unh.value(2, 5)).orElseThrow(); // the reader checked it is known
    }

    /** UNH's identifier parts that the reader did not check are the message type's own; anything else is reported as unread. */
    private static void checkUnh(Segment unh, MessageType type) {
        unh.hasConstant(2, 2, type.edifactVersion());
        unh.hasConstant(2, 3, type.edifactRelease());
        unh.hasConstant(2, 4, type.agency());
        unh.hasConstant(3, 1, type.letterType());
    }

    private Envelope envelope(Segment unb, List<Finding> findings) {
        // the reader checked the syntax identifier; 14 (GLN) is the only identification code qualifier written
        unb.value(1, 1);
        unb.hasConstant(1, 2, "3");
        unb.hasConstant(2, 2, "14");
        unb.hasConstant(3, 2, "14");
        String date = DateTimes.fromYymmdd(unb.value(4, 1));
        String time = DateTimes.time(unb.value(4, 2), 0);
        if (date == null || time == null || unb.value(4, 2).length() != 4) {
            findings.add(TranslationRule.DATE.at(unb, "segment 1 UNB element 4"));
        }
        for (int element = 2; element <= 3; element++) {
            if (!Identifiers.isGln(unb.value(element, 1))) {
                findings.add(TranslationRule.GLN_CHECK.at(unb, "segment 1 UNB element " + element));
            }
        }
        String ack = mapping.acknowledgementCodes.toXml(unb.value(9));
        return new Envelope(unb.value(2, 1), unb.value(3, 1), date, time, unb.value(5), ack == null ? "minuspositivkvitt" : ack);
    }
}
