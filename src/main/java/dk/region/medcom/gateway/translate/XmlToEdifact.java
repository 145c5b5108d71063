package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One MedCom {@code Emessage} to an EDIFACT interchange (UNOC:3, default service characters). */
final class XmlToEdifact {

    private final MappingData mapping;
    private final Map<String, LetterMapping> letterMappings;
    private final XmlTreeReader reader = new XmlTreeReader();

    XmlToEdifact(MappingData mapping, Map<String, LetterMapping> letterMappings) {
        this.mapping = mapping;
        this.letterMappings = letterMappings;
    }

    Translation translate(byte[] xml) {
        List<Finding> findings = new ArrayList<>();
        XmlElement root = xml == null ? null : reader.read(xml, findings);
        if (root == null) {
            if (findings.isEmpty()) {
                findings.add(TranslationRule.XML_MALFORMED.at(dk.region.medcom.gateway.message.Location.NONE));
            }
            return new Translation(null, findings);
        }
        XmlElement envelopeElement = root.child("Envelope");
        if (!root.name().equals("Emessage") || envelopeElement == null) {
            findings.add(TranslationRule.XML_NOT_EMESSAGE.at(root));
            return new Translation(null, findings);
        }
        Latin1Check.check(root, findings);
        List<XmlElement> letters = new ArrayList<>();
        for (XmlElement child : root.children(null)) {
            if (!child.name().equals("Envelope") && !child.name().equals("Local_Elements")) {
                letters.add(child);
            }
        }
        if (letters.isEmpty()) {
            findings.add(TranslationRule.MISSING.at(root, new Phrase("a letter in /Emessage", "et brev i /Emessage")));
            return new Translation(null, findings);
        }
        requireText(envelopeElement, "Identifier", findings);
        String interchangeReference = envelopeElement.text("Identifier");
        if (interchangeReference != null && interchangeReference.chars().anyMatch(c -> c == '?' || c == ':' || c == '+' || c == '\'')) {
            findings.add(TranslationRule.SERVICE_CHARACTER.at(envelopeElement.child("Identifier"), "/Emessage/Envelope/Identifier"));
        }
        for (XmlElement letter : letters) {
            XmlElement letterInfo = letter.child("Letter");
            if (letterInfo != null) {
                requireText(letterInfo, "Identifier", findings);
            }
        }
        EdifactOut out = new EdifactOut();
        writeUnb(envelopeElement, letters.get(0), findings, out);
        for (XmlElement letter : letters) {
            MessageType type = mapping.byXml(letter.namespace(), letter.name()).orElse(null);
            XmlElement letterInfo = letter.child("Letter");
            String identifier = letterInfo == null ? null : letterInfo.text("Identifier");
            if (type == null || letterInfo == null || !type.xmlVersionCode().equals(letterInfo.text("VersionCode"))) {
                findings.add(TranslationRule.XML_UNKNOWN_LETTER.at(letter, letter.name()));
                continue;
            }
            out.startMessage();
            out.segment("UNH", identifier, EdifactOut.composite(type.edifactType(), type.edifactVersion(), type.edifactRelease(),
                    type.agency(), type.associationCode()), type.letterType());
            letterMappings.get(type.mapping()).toEdifact(type, letter, out, findings);
            out.segment("UNT", String.valueOf(out.segmentsSinceUnh() + 1), identifier);
        }
        out.segment("UNZ", String.valueOf(letters.size()), envelopeElement.text("Identifier"));
        boolean failed = findings.stream().anyMatch(Finding::isError);
        return new Translation(failed ? null : out.toBytes(), findings);
    }

    private void writeUnb(XmlElement envelope, XmlElement firstLetter, List<Finding> findings, EdifactOut out) {
        XmlElement sent = envelope.child("Sent");
        String date = sent == null ? null : DateTimes.compactDate(sent.text("Date"));
        String time = sent == null ? null : DateTimes.compactTime(sent.text("Time"));
        if (date == null || time == null) {
            findings.add(TranslationRule.DATE.at(sent == null ? envelope : sent, "Envelope/Sent"));
            date = "00000000";
            time = "0000";
        }
        MessageType type = mapping.byXml(firstLetter.namespace(), firstLetter.name()).orElse(null);
        String ack = null;
        if (type != null && type.acknowledgementInUnb()) {
            ack = mapping.acknowledgementCodes.toEdifact(envelope.text("AcknowledgementCode"));
            if (ack == null) {
                findings.add(TranslationRule.CODE_UNKNOWN.at(envelope, "AcknowledgementCode", mapping.acknowledgementCodes.name()));
            }
        }
        out.segment("UNB", EdifactOut.composite("UNOC", "3"), EdifactOut.composite(ean(firstLetter, "Sender"), "14"),
                EdifactOut.composite(ean(firstLetter, "Receiver"), "14"), EdifactOut.composite(date.substring(2), time),
                envelope.text("Identifier"), "", "", "", ack);
    }

    /** Identifiers the envelope is built from: present, and at most 14 characters (UNB/UNH limits). */
    private static void requireText(XmlElement parent, String name, List<Finding> findings) {
        String text = parent.text(name);
        if (text == null || text.isEmpty()) {
            findings.add(TranslationRule.MISSING.at(parent, parent.path() + "/" + name));
        } else if (text.length() > 14) {
            findings.add(TranslationRule.TOO_LONG.at(parent.child(name), parent.path() + "/" + name, 14));
        }
    }

    private static String ean(XmlElement letter, String party) {
        XmlElement element = letter.child(party);
        return element == null ? null : element.text("EANIdentifier");
    }
}
