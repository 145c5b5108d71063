package dk.region.medcom.gateway.translate;

import java.util.List;

/** Writes a {@link HospitalReferral} as an XREF01 {@code HospitalReferral} element, in the schema's order. */
final class ReferralToXml {

    /** The schema's order of the formatted texts within their parents. */
    static final List<String> TEXT_ORDER = List.of("AdditionalInformation/Supplementary", "AdditionalInformation/ClinicalReason",
            "RelevantClinicalInformation/Cave", "RelevantClinicalInformation/Anamnesis",
            "RelevantClinicalInformation/Examination", "RelevantClinicalInformation/ActualMedicine");

    private ReferralToXml() {
    }

    static void write(HospitalReferral referral, MessageType type, FreeTextXml freeText, XmlOut out) {
        out.start(type.xmlElement());
        out.start("Letter").element("Identifier", referral.identifier).element("VersionCode", type.xmlVersionCode())
                .element("StatisticalCode", type.xmlTypeCode());
        out.start("Authorisation").element("Date", referral.authorisationDate).element("Time", referral.authorisationTime).end("Authorisation");
        out.element("TypeCode", type.xmlTypeCode()).element("StatusCode", referral.statusCode)
                .element("EpisodeOfCareIdentifier", referral.episodeOfCareIdentifier).end("Letter");
        out.start("Sender");
        partyFields(referral.sender, out, true);
        HospitalReferral.Referrer referrer = referral.referrer;
        out.start("Referrer").element("Identifier", referrer.identifier).element("IdentifierCode", referrer.identifierCode)
                .element("PersonName", referrer.personName).element("PersonTitle", referrer.personTitle).end("Referrer");
        out.end("Sender");
        out.start("Receiver");
        partyFields(referral.receiver, out, false);
        out.end("Receiver");
        if (referral.answerCcReceiver != null) {
            out.start("AnswerCCReceiver");
            Party cc = referral.answerCcReceiver;
            out.element("Identifier", cc.identifier).element("IdentifierCode", cc.identifierCode);
            address(cc, out);
            out.element("TelephoneSubscriberIdentifier", cc.telephone).end("AnswerCCReceiver");
        }
        patient(referral.patient, out);
        relative(referral.relative, out);
        additionalInformation(referral, freeText, out);
        diagnoses(referral, out);
        if (referral.texts.keySet().stream().anyMatch(place -> place.startsWith("RelevantClinicalInformation/"))) {
            out.start("RelevantClinicalInformation");
            texts(referral, "RelevantClinicalInformation/", freeText, out);
            out.end("RelevantClinicalInformation");
        }
        ReferenceXml.write(referral.references, out);
        for (HospitalReferral.Visitation visitation : referral.visitations) {
            out.start("HospitalVisitation").element("InformationCode", visitation.informationCode).start("Information");
            freeText.write(visitation.information, out);
            out.end("Information").end("HospitalVisitation");
        }
        out.end(type.xmlElement());
    }

    private static void partyFields(Party party, XmlOut out, boolean isSender) {
        out.element("EANIdentifier", party.locationNumber).element("Identifier", party.identifier)
                .element("IdentifierCode", party.identifierCode);
        address(party, out);
        if (isSender) {
            out.element("TelephoneSubscriberIdentifier", party.telephone).element("MedicalSpecialityCode", party.medicalSpeciality);
        }
    }

    private static void address(Party party, XmlOut out) {
        out.element("OrganisationName", party.organisationName).element("DepartmentName", party.departmentName)
                .element("UnitName", party.unitName).element("StreetName", party.streetName).element("SuburbName", party.suburbName)
                .element("DistrictName", party.districtName).element("PostCodeIdentifier", party.postCode);
    }

    private static void patient(HospitalReferral.ReferralPatient patient, XmlOut out) {
        out.start("Patient").element("CivilRegistrationNumber", patient.civilRegistrationNumber)
                .element("AlternativeIdentifier", patient.alternativeIdentifier).element("PersonSurnameName", patient.surname)
                .element("PersonGivenName", patient.givenName).element("PersonTitle", patient.title)
                .element("StreetName", patient.streetName).element("SuburbName", patient.suburbName)
                .element("DistrictName", patient.districtName).element("PostCodeIdentifier", patient.postCode);
        for (String[] telephone : patient.telephones) {
            out.start("TelephoneSubscriber").element("TelephoneSubscriberIdentifier", telephone[0])
                    .element("TelephoneSubscriberCode", telephone[1]).end("TelephoneSubscriber");
        }
        out.element("EmailIdentifier", patient.email).end("Patient");
    }

    private static void relative(HospitalReferral.Relative relative, XmlOut out) {
        if (relative != null) {
            out.start("Relative").element("RelationCode", relative.relationCode).element("PersonIdentifier", relative.personIdentifier)
                    .element("PersonSurnameName", relative.surname).element("PersonGivenName", relative.givenName).end("Relative");
        }
    }

    private static void additionalInformation(HospitalReferral referral, FreeTextXml freeText, XmlOut out) {
        boolean texts = referral.texts.keySet().stream().anyMatch(place -> place.startsWith("AdditionalInformation/"));
        if (referral.priority == null && referral.referralStatus == null && referral.transport == null && !texts) {
            return;
        }
        out.start("AdditionalInformation").element("Priority", referral.priority).element("ReferralStatus", referral.referralStatus)
                .element("Transport", referral.transport);
        texts(referral, "AdditionalInformation/", freeText, out);
        out.end("AdditionalInformation");
    }

    private static void diagnoses(HospitalReferral referral, XmlOut out) {
        if (referral.refer == null && referral.additionalDiagnoses.isEmpty()) {
            return;
        }
        out.start("Referral");
        if (referral.refer != null) {
            out.start("Refer");
            diagnosisFields(referral.refer, out);
            out.end("Refer");
        }
        for (HospitalReferral.Diagnosis diagnosis : referral.additionalDiagnoses) {
            out.start("ReferralAdditional").element("DiagnoseDescriptionCode", diagnosis.descriptionCode);
            diagnosisFields(diagnosis, out);
            out.end("ReferralAdditional");
        }
        out.end("Referral");
    }

    private static void diagnosisFields(HospitalReferral.Diagnosis diagnosis, XmlOut out) {
        out.element("DiagnoseCode", diagnosis.code).element("DiagnoseTypeCode", diagnosis.typeCode).element("DiagnoseText", diagnosis.text);
    }

    private static void texts(HospitalReferral referral, String prefix, FreeTextXml freeText, XmlOut out) {
        for (String place : TEXT_ORDER) {
            List<TextRun> runs = referral.texts.get(place);
            if (place.startsWith(prefix) && runs != null) {
                String element = place.substring(prefix.length());
                out.start(element);
                freeText.write(runs, out);
                out.end(element);
            }
        }
    }
}
