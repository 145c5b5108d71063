package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.edifact.Segment;
import java.util.List;

/** The people of a REF01 message: S07 patient (PNA, RFF+XPI, ADR, CON, EMP) and S10 relative (REL, PNA+PAS). */
final class ReferralPeopleFromEdifact {

    private ReferralPeopleFromEdifact() {
    }

    static boolean patient(Segment segment, HospitalReferral referral, ReferralCodes codes, List<Finding> findings) {
        HospitalReferral.ReferralPatient patient = referral.patient == null
                ? (referral.patient = new HospitalReferral.ReferralPatient()) : referral.patient;
        switch (segment.tag()) {
            case "PNA" -> {
                if (!segment.is("PNA", "PAT")) {
                    return false;
                }
                if (segment.value(2, 4).equals("CPR")) {
                    segment.hasConstant(2, 5, "IM");
                    patient.civilRegistrationNumber = segment.value(2, 1);
                    if (!Identifiers.isCpr(patient.civilRegistrationNumber)) {
                        findings.add(TranslationRule.CPR.at(segment, "segment " + segment.number() + " PNA element 2"));
                    }
                }
                patient.surname = qualified(segment, "SU");
                patient.givenName = qualified(segment, "FO");
            }
            case "RFF" -> {
                if (!segment.value(1, 1).equals("XPI")) {
                    return false;
                }
                patient.alternativeIdentifier = segment.value(1, 2);
                if (patient.alternativeIdentifier.length() != 10) {
                    findings.add(TranslationRule.WRONG_LENGTH.at(segment, "segment " + segment.number() + " RFF element 1", 10));
                }
            }
            case "ADR" -> {
                String[] address = SegmentValues.address(segment, findings);
                patient.streetName = address[0];
                patient.suburbName = address[1];
                patient.districtName = address[2];
                patient.postCode = address[3];
            }
            case "CON" -> {
                if (segment.value(2, 1).isEmpty()) {
                    findings.add(TranslationRule.MISSING.at(segment, "segment " + segment.number() + " CON element 2"));
                }
                patient.telephones.add(new String[] {SegmentValues.telephone(segment),
                    SegmentValues.code(segment, 1, codes.telephones, segment.value(1), findings)});
            }
            case "EMP" -> {
                // the patient's occupation (EMP+1++:::<text>) is the XML Patient/PersonTitle
                segment.hasConstant(1, 1, "1");
                String title = SegmentValues.limited(segment, 3, segment.value(3, 4), SegmentValues.NAME_LENGTH, findings);
                patient.title = title.isEmpty() ? null : title;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The second component of the first element from 3 on whose first component is {@code qualifier}. */
    static String qualified(Segment pna, String qualifier) {
        for (int element = 3; element <= pna.elementCount(); element++) {
            if (pna.value(element, 1).equals(qualifier)) {
                return pna.value(element, 2);
            }
        }
        return null;
    }

    static boolean relative(Segment segment, HospitalReferral referral, ReferralCodes codes, List<Finding> findings) {
        if (segment.is("REL", "PER")) {
            referral.relative = new HospitalReferral.Relative();
            referral.relative.relationCode = SegmentValues.code(segment, 2, codes.relations, segment.value(2), findings);
            return true;
        }
        if (segment.is("PNA", "PAS") && referral.relative != null) {
            referral.relative.personIdentifier = segment.value(2, 1).isEmpty() ? null : segment.value(2, 1);
            segment.hasConstant(2, 4, "CPR");
            segment.hasConstant(2, 5, "IM");
            referral.relative.surname = qualified(segment, "SU");
            referral.relative.givenName = qualified(segment, "FO");
            return true;
        }
        return false;
    }
}
