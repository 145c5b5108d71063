package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.parse.edifact.Segment;
import java.util.List;

/** REF01 (H0130R) and XREF01: not mapped yet; says so as a finding instead of guessing. */
final class HospitalReferralMapping implements LetterMapping {

    HospitalReferralMapping(MappingData mapping) {
    }

    @Override
    public void toXml(MessageType type, List<Segment> message, Envelope envelope, XmlOut out, List<Finding> findings) {
        findings.add(TranslationRule.UNSUPPORTED.at(message.get(0), "REF01 (hospital referral)"));
    }

    @Override
    public void toEdifact(MessageType type, XmlElement letter, EdifactOut out, List<Finding> findings) {
        findings.add(TranslationRule.UNSUPPORTED.at(letter, "XREF01 (hospital referral)"));
    }
}
