package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.edifact.Segment;
import java.util.List;

/**
 * REF01 (H0130R) and XREF01 (XH0130R): the {@code hospital-referral} mapping. The segment layout
 * follows medcom-facts §3; it has not been checked against a MedCom REF01 test vector.
 */
final class HospitalReferralMapping implements LetterMapping {

    private final MappingData mapping;
    private final FreeTextXml freeText;

    HospitalReferralMapping(MappingData mapping) {
        this.mapping = mapping;
        this.freeText = new FreeTextXml(mapping.textFormats);
    }

    @Override
    public void toXml(MessageType type, List<Segment> message, Envelope envelope, XmlOut out, List<Finding> findings) {
        int before = findings.size();
        HospitalReferral referral = ReferralFromEdifact.read(type, message, mapping, findings);
        if (findings.subList(before, findings.size()).stream().anyMatch(Finding::isError)) {
            return;
        }
        referral.sender.locationNumber = envelope.senderId();
        referral.receiver.locationNumber = envelope.recipientId();
        ReferralToXml.write(referral, type, freeText, out);
    }

    @Override
    public void toEdifact(MessageType type, XmlElement element, EdifactOut out, List<Finding> findings) {
        int before = findings.size();
        HospitalReferral referral = ReferralFromXml.read(element, mapping, freeText, findings);
        if (referral == null || findings.subList(before, findings.size()).stream().anyMatch(Finding::isError)) {
            return;
        }
        ReferralToEdifact.write(referral, type, mapping, out);
    }
}
