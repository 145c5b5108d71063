package dk.region.medcom.gateway.translate;

import java.util.List;
import java.util.Map;

/** Writes a {@link HospitalReferral} as the body of a REF01 (H0130R) message, between UNH and UNT. */
final class ReferralToEdifact {

    private static final EdifactOut.Composite NONE = EdifactOut.composite();
    /** S12's texts in the order of MedCom's REF01 example: anamnesis, examination, medicine, then cave. */
    private static final List<String> CLINICAL_TEXT_ORDER = List.of("RelevantClinicalInformation/Anamnesis",
            "RelevantClinicalInformation/Examination", "RelevantClinicalInformation/ActualMedicine", "RelevantClinicalInformation/Cave");

    private final MappingData mapping;
    private final ReferralCodes codes;
    private final EdifactOut out;

    private ReferralToEdifact(MappingData mapping, EdifactOut out) {
        this.mapping = mapping;
        this.codes = mapping.referralCodes;
        this.out = out;
    }

    static void write(HospitalReferral referral, MessageType type, MappingData mapping, EdifactOut out) {
        new ReferralToEdifact(mapping, out).write(referral, type);
    }

    private void write(HospitalReferral referral, MessageType type) {
        String authorisation = DateTimes.compactDate(referral.authorisationDate) + DateTimes.compactTime(referral.authorisationTime);
        out.segment("BGM", "HNV", "", "9", "NA");
        out.segment("DTM", EdifactOut.composite("137", authorisation, "203"));
        party("PO", referral.sender, "1");
        String speciality = referral.sender.medicalSpeciality == null ? "99" : mapping.specialityCodes.toEdifact(referral.sender.medicalSpeciality);
        out.segment("SPR", "ORG", EdifactOut.composite(speciality, "SKS", "SST"), EdifactOut.composite(type.letterType(), "SKS", "SST"));
        party("SSP", referral.receiver, "2");
        referrer(referral.referrer);
        if (referral.answerCcReceiver != null) {
            party("PRH", referral.answerCcReceiver, "4");
        }
        out.segment("S02", "02");
        out.segment("GIS", mapping.statusCodes.toEdifact(referral.statusCode));
        out.segment("RFF", EdifactOut.composite("ROI", referral.episodeOfCareIdentifier == null ? "_" : referral.episodeOfCareIdentifier));
        out.segment("DTM", EdifactOut.composite("4", authorisation, "203"));
        if (referral.refer != null) {
            diagnosis("H", referral.refer);
        }
        for (HospitalReferral.Diagnosis diagnosis : referral.additionalDiagnoses) {
            diagnosis(codes.diagnoseDescriptions.toEdifact(diagnosis.descriptionCode), diagnosis);
        }
        texts(referral.texts, "AdditionalInformation/ClinicalReason");
        out.segment("S06", "06");
        out.segment("STS", "", "NR");
        patient(referral.patient);
        relative(referral.relative);
        if (referral.patient.email != null || hasAny(referral.texts, "RelevantClinicalInformation/") || !referral.references.isEmpty()) {
            out.segment("S12", "12");
            if (referral.patient.email != null) {
                out.segment("FTX", "IN", TextRun.PLAIN, "", EdifactOut.composite(referral.patient.email));
            }
            for (String place : CLINICAL_TEXT_ORDER) {
                if (referral.texts.containsKey(place)) {
                    ftx(codes.texts.toEdifact(place), referral.texts.get(place));
                }
            }
            // after the texts, as references follow RelevantClinicalInformation in the XML
            for (Reference reference : referral.references) {
                ReferenceEdifact.write(reference, mapping, out);
            }
        }
        if (referral.priority != null || referral.referralStatus != null || !referral.visitations.isEmpty()) {
            out.segment("S18", "18");
            out.segment("GIS", "N");
            if (referral.priority != null) {
                out.segment("PTY", "PRI", codes.priorities.toEdifact(referral.priority));
            }
            if (referral.referralStatus != null) {
                out.segment("PAS", codes.statuses.toEdifact(referral.referralStatus));
            }
            for (HospitalReferral.Visitation visitation : referral.visitations) {
                ftx(codes.visitations.toEdifact(visitation.informationCode), visitation.information);
            }
        }
        if (referral.transport != null || referral.texts.containsKey("AdditionalInformation/Supplementary")) {
            out.segment("S19", "19");
            out.segment("STS", "", "NR");
            if (referral.transport != null) {
                out.segment("TDT", "PHL", "", codes.transports.toEdifact(referral.transport));
            }
            texts(referral.texts, "AdditionalInformation/Supplementary");
        }
    }

    private void party(String qualifier, Party party, String sequence) {
        out.segment("S01", "01");
        String[] code = mapping.identifierCodes.toEdifact(party.identifierCode).split(":", -1);
        String organisation = party.organisationName; // "_" and absence each stay what they are (ReferralFromEdifact)
        out.segment("NAD", qualifier, EdifactOut.composite(party.identifier, code[0], code[1]), "",
                EdifactOut.composite(organisation, party.departmentName, party.unitName, "", "", "US"));
        address(party.streetName, party.suburbName, party.districtName, party.postCode);
        if (party.telephone != null) {
            out.segment("CON", "", EdifactOut.composite(party.telephone, "TE"));
        }
        out.segment("SEQ", "", sequence);
    }

    private void referrer(HospitalReferral.Referrer referrer) {
        out.segment("S01", "01");
        EdifactOut.Composite id = NONE;
        String edifactCode = referrer.identifierCode == null ? null : mapping.identifierCodes.toEdifact(referrer.identifierCode);
        if (referrer.identifier != null && edifactCode != null) { // else ReferralFromXml has found it missing
            String[] code = edifactCode.split(":", -1);
            id = EdifactOut.composite(referrer.identifier, code[0], code[1]);
        }
        out.segment("NAD", "BV", id, "", EdifactOut.composite(referrer.personTitle, referrer.personName, "", "", "", "US"));
        out.segment("RFF", EdifactOut.composite("AHL", "1"));
        out.segment("SEQ", "", "3");
    }

    private void address(String street, String suburb, String district, String postCode) {
        if (street != null || suburb != null || district != null || postCode != null) {
            out.segment("ADR", "", EdifactOut.composite("US", street, suburb), district, postCode);
        }
    }

    private void diagnosis(String qualifier, HospitalReferral.Diagnosis diagnosis) {
        out.segment("CIN", qualifier, EdifactOut.composite(diagnosis.code, codes.diagnoseTypes.toEdifact(diagnosis.typeCode), "", diagnosis.text));
    }

    private void patient(HospitalReferral.ReferralPatient patient) {
        out.segment("S07", "07");
        EdifactOut.Composite cpr = patient.civilRegistrationNumber == null ? NONE
                : EdifactOut.composite(patient.civilRegistrationNumber, "", "", "CPR", "IM");
        out.segment("PNA", "PAT", cpr, "", "", EdifactOut.composite("SU", patient.surname),
                patient.givenName == null ? NONE : EdifactOut.composite("FO", patient.givenName));
        if (patient.alternativeIdentifier != null) {
            out.segment("RFF", EdifactOut.composite("XPI", patient.alternativeIdentifier));
        }
        address(patient.streetName, patient.suburbName, patient.districtName, patient.postCode);
        for (String[] telephone : patient.telephones) {
            out.segment("CON", codes.telephones.toEdifact(telephone[1]), EdifactOut.composite(telephone[0], "TE"));
        }
        if (patient.title != null) {
            out.segment("EMP", "1", "", EdifactOut.composite("", "", "", patient.title));
        }
    }

    private void relative(HospitalReferral.Relative relative) {
        if (relative == null) {
            return;
        }
        out.segment("S10", "10");
        out.segment("REL", "PER", codes.relations.toEdifact(relative.relationCode));
        EdifactOut.Composite id = relative.personIdentifier == null ? NONE
                : EdifactOut.composite(relative.personIdentifier, "", "", "CPR", "IM");
        out.segment("PNA", "PAS", id, "", "", EdifactOut.composite("SU", relative.surname),
                relative.givenName == null ? NONE : EdifactOut.composite("FO", relative.givenName));
    }

    /** Every text whose place starts with {@code prefix}, in the order of referral-texts.csv's XML. */
    private void texts(Map<String, List<TextRun>> texts, String prefix) {
        for (String place : ReferralToXml.TEXT_ORDER) {
            if (place.startsWith(prefix) && texts.containsKey(place)) {
                ftx(codes.texts.toEdifact(place), texts.get(place));
            }
        }
    }

    private void ftx(String qualifier, List<TextRun> runs) {
        for (TextRun run : runs) {
            for (String[] lines : FreeTextEdifact.segments(FreeTextEdifact.lines(run.text()))) {
                out.segment("FTX", qualifier, run.format(), "", EdifactOut.composite(lines));
            }
        }
    }

    private static boolean hasAny(Map<String, List<TextRun>> texts, String prefix) {
        return texts.keySet().stream().anyMatch(place -> place.startsWith(prefix));
    }
}
