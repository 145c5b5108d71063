package dk.region.medcom.gateway.translate;

import java.util.List;

/** Writes a {@link ClinicalEmail} as an XDIS91 {@code ClinicalEmail} element, in the schema's element order. */
final class ClinicalEmailToXml {

    private ClinicalEmailToXml() {
    }

    /** @return false when some text format code was unknown and written as FixedFont */
    static boolean write(ClinicalEmail letter, MessageType type, FreeTextXml freeText, XmlOut out) {
        out.start(type.xmlElement());
        out.start("Letter")
                .element("Identifier", letter.identifier)
                .element("VersionCode", type.xmlVersionCode())
                .element("StatisticalCode", type.xmlTypeCode());
        out.start("Authorisation").element("Date", letter.authorisationDate).element("Time", letter.authorisationTime).end("Authorisation");
        out.element("TypeCode", type.xmlTypeCode())
                .element("StatusCode", letter.statusCode)
                .element("EpisodeOfCareIdentifier", letter.episodeOfCareIdentifier)
                .end("Letter");
        party("Sender", letter.sender, out, true);
        party("Receiver", letter.receiver, out, false);
        patient(letter.patient, out);
        if (notEmpty(letter.priority) || notEmpty(letter.subject)) {
            out.start("AdditionalInformation").element("Priority", letter.priority).element("Subject", letter.subject)
                    .end("AdditionalInformation");
        }
        boolean formatsKnown = true;
        for (List<TextRun> text : letter.clinicalInformation) {
            out.start("ClinicalInformation").start("Text01");
            formatsKnown &= freeText.write(text, out);
            out.end("Text01").end("ClinicalInformation");
        }
        ReferenceXml.write(letter.references, out);
        out.end(type.xmlElement());
        return formatsKnown;
    }

    private static void party(String name, Party party, XmlOut out, boolean isSender) {
        out.start(name)
                .element("EANIdentifier", party.locationNumber)
                .element("Identifier", party.identifier)
                .element("IdentifierCode", party.identifierCode)
                .element("OrganisationName", party.organisationName)
                .element("DepartmentName", party.departmentName)
                .element("UnitName", party.unitName)
                .element("StreetName", party.streetName)
                .element("SuburbName", party.suburbName)
                .element("DistrictName", party.districtName)
                .element("PostCodeIdentifier", party.postCode);
        if (isSender) {
            out.element("TelephoneSubscriberIdentifier", party.telephone).element("MedicalSpecialityCode", party.medicalSpeciality);
        }
        out.end(name);
    }

    private static void patient(ClinicalEmail.PatientData patient, XmlOut out) {
        out.start("Patient")
                .element("CivilRegistrationNumber", patient.civilRegistrationNumber)
                .element("AlternativeIdentifier", patient.alternativeIdentifier)
                .element("PersonSurnameName", patient.surname)
                .element("PersonGivenName", patient.givenName)
                .element("StreetName", patient.streetName)
                .element("SuburbName", patient.suburbName)
                .element("DistrictName", patient.districtName)
                .element("PostCodeIdentifier", patient.postCode)
                .element("OccupancyText", patient.occupancy)
                .element("EpisodeOfCareStatusCode", patient.episodeOfCareStatus == null ? "inaktiv" : patient.episodeOfCareStatus)
                .end("Patient");
    }

    private static boolean notEmpty(String value) {
        return value != null && !value.isEmpty();
    }
}
