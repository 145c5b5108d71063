package dk.region.medcom.gateway.translate;

import java.util.List;

/** Writes a {@link ClinicalEmail} as the body of a DIS91 (D9134L) message, between UNH and UNT. */
final class ClinicalEmailToEdifact {

    private static final EdifactOut.Composite NO_COMPONENTS = EdifactOut.composite();

    private final MappingData mapping;
    private final EdifactOut out;

    private ClinicalEmailToEdifact(MappingData mapping, EdifactOut out) {
        this.mapping = mapping;
        this.out = out;
    }

    static void write(ClinicalEmail letter, MessageType type, MappingData mapping, EdifactOut out) {
        new ClinicalEmailToEdifact(mapping, out).write(letter, type);
    }

    private void write(ClinicalEmail letter, MessageType type) {
        String authorisation = DateTimes.compactDate(letter.authorisationDate) + DateTimes.compactTime(letter.authorisationTime);
        out.segment("BGM", "EPI", "", "9", "NA");
        out.segment("DTM", EdifactOut.composite("137", authorisation, "203"));
        party("SSP", letter.sender, "1");
        String speciality = letter.sender.medicalSpeciality == null ? "99" : mapping.specialityCodes.toEdifact(letter.sender.medicalSpeciality);
        out.segment("SPR", "ORG", EdifactOut.composite(speciality, "SKS", "SST"), EdifactOut.composite(type.letterType(), "SKS", "SST"));
        party("PO", letter.receiver, "2");
        out.segment("S02", "02");
        out.segment("GIS", mapping.statusCodes.toEdifact(letter.statusCode));
        out.segment("RFF", EdifactOut.composite("SRI", letter.identifier));
        if (letter.priority != null) {
            out.segment("RFF", EdifactOut.composite(mapping.priorityCodes.toEdifact(letter.priority), "NC"));
        }
        out.segment("DTM", EdifactOut.composite("182", authorisation, "203"));
        patient(letter.patient);
        out.segment("S11", "11");
        out.segment("GIS", "N");
        out.segment("RFF", letter.episodeOfCareIdentifier == null ? EdifactOut.composite("AHI", "1") : EdifactOut.composite("REI", letter.episodeOfCareIdentifier));
        out.segment("SEQ", "", "1");
        String episodeStatus = letter.patient.episodeOfCareStatus;
        out.segment("PAS", episodeStatus == null ? "POT" : mapping.episodeStatusCodes.toEdifact(episodeStatus));
        texts(letter);
        references(letter.references);
    }

    private void party(String qualifier, Party party, String sequence) {
        out.segment("S01", "01");
        String[] code = mapping.identifierCodes.toEdifact(party.identifierCode).split(":", -1);
        String organisation = party.organisationName == null || party.organisationName.isEmpty() ? "_" : party.organisationName;
        out.segment("NAD", qualifier, EdifactOut.composite(party.identifier, code[0], code[1]), "",
                EdifactOut.composite(organisation, party.departmentName, party.unitName, "", "", "US"));
        address(party.streetName, party.suburbName, party.districtName, party.postCode);
        if (party.telephone != null) {
            out.segment("CON", "", EdifactOut.composite(party.telephone, "TE"));
        }
        out.segment("SEQ", "", sequence);
    }

    private void address(String street, String suburb, String district, String postCode) {
        if (street != null || suburb != null || district != null || postCode != null) {
            out.segment("ADR", "", EdifactOut.composite("US", street, suburb), district, postCode);
        }
    }

    private void patient(ClinicalEmail.PatientData patient) {
        out.segment("S07", "07");
        EdifactOut.Composite cpr = patient.civilRegistrationNumber == null ? NO_COMPONENTS
                : EdifactOut.composite(patient.civilRegistrationNumber, "", "", "CPR", "IM");
        EdifactOut.Composite given = patient.givenName == null ? NO_COMPONENTS : EdifactOut.composite("FO", patient.givenName);
        out.segment("PNA", "PAT", cpr, "", "", EdifactOut.composite("SU", patient.surname), given);
        if (patient.alternativeIdentifier != null) {
            out.segment("RFF", EdifactOut.composite("XPI", patient.alternativeIdentifier));
        }
        address(patient.streetName, patient.suburbName, patient.districtName, patient.postCode);
        if (patient.occupancy != null) {
            out.segment("EMP", "1", "", EdifactOut.composite("", "", "", patient.occupancy));
        }
    }

    private void texts(ClinicalEmail letter) {
        boolean hasSubject = letter.subject != null && !letter.subject.isEmpty();
        if (hasSubject) {
            out.segment("S14", "14");
            out.segment("FTX", "OE", TextRun.PLAIN, "", EdifactOut.composite(letter.subject));
        }
        boolean first = true;
        for (List<TextRun> text : letter.clinicalInformation) {
            if (!(first && hasSubject)) {
                out.segment("S14", "14");
            }
            for (TextRun run : text) {
                for (String[] lines : FreeTextEdifact.segments(FreeTextEdifact.lines(run.text()))) {
                    out.segment("FTX", "NC", run.format(), "", EdifactOut.composite(lines));
                }
            }
            first = false;
        }
    }

    /**
     * References follow the texts in S14 groups of their own, as MedCom's XD9134L.xslt writes them;
     * a group holds at most nine FTX, so a tenth reference opens a second group.
     */
    private void references(List<Reference> references) {
        for (int i = 0; i < references.size(); i++) {
            if (i % ClinicalEmailFromXml.MAX_FTX_PER_GROUP == 0) {
                out.segment("S14", "14");
            }
            ReferenceEdifact.write(references.get(i), mapping, out);
        }
    }
}
