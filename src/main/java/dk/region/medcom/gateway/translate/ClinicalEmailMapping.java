package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.edifact.Segment;
import java.util.List;

/** DIS91 (D9134L) and XDIS91 (XD9134L): the {@code clinical-email} mapping. */
final class ClinicalEmailMapping implements LetterMapping {

    private final MappingData mapping;
    private final FreeTextXml freeText;

    ClinicalEmailMapping(MappingData mapping) {
        this.mapping = mapping;
        this.freeText = new FreeTextXml(mapping.textFormats);
    }

    @Override
    public void toXml(MessageType type, List<Segment> message, Envelope envelope, XmlOut out, List<Finding> findings) {
        int before = findings.size();
        ClinicalEmail letter = ClinicalEmailFromEdifact.read(type, message, mapping, findings);
        if (findings.subList(before, findings.size()).stream().anyMatch(Finding::isError)) {
            return;
        }
        // In DIS91 the location numbers come from UNB, not from NAD.
        letter.sender.locationNumber = envelope.senderId();
        letter.receiver.locationNumber = envelope.recipientId();
        ClinicalEmailToXml.write(letter, type, freeText, out);
    }

    @Override
    public void toEdifact(MessageType type, XmlElement element, EdifactOut out, List<Finding> findings) {
        int before = findings.size();
        ClinicalEmail letter = ClinicalEmailFromXml.read(element, mapping, freeText, findings);
        if (letter == null || findings.subList(before, findings.size()).stream().anyMatch(Finding::isError)) {
            return;
        }
        ClinicalEmailToEdifact.write(letter, type, mapping, out);
    }
}
