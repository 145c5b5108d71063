package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Phrase;
import java.util.List;

/** Reads an XREF01 {@code HospitalReferral} element into a {@link HospitalReferral}, checking its codes. */
final class ReferralFromXml {

    private final MappingData mapping;
    private final ReferralCodes codes;
    private final FreeTextXml freeText;
    private final List<Finding> findings;

    private ReferralFromXml(MappingData mapping, FreeTextXml freeText, List<Finding> findings) {
        this.mapping = mapping;
        this.codes = mapping.referralCodes;
        this.freeText = freeText;
        this.findings = findings;
    }

    static HospitalReferral read(XmlElement element, MappingData mapping, FreeTextXml freeText, List<Finding> findings) {
        return new ReferralFromXml(mapping, freeText, findings).read(element);
    }

    private HospitalReferral read(XmlElement element) {
        XmlElement letter = required(element, "Letter");
        XmlElement sender = required(element, "Sender");
        XmlElement receiver = required(element, "Receiver");
        XmlElement patient = required(element, "Patient");
        XmlElement referrer = sender == null ? null : required(sender, "Referrer");
        if (letter == null || receiver == null || patient == null || referrer == null) {
            return null;
        }
        HospitalReferral referral = new HospitalReferral();
        referral.identifier = letter.text("Identifier");
        XmlElement authorisation = required(letter, "Authorisation");
        if (authorisation != null) {
            referral.authorisationDate = authorisation.text("Date");
            referral.authorisationTime = authorisation.text("Time");
            if (DateTimes.compactDate(referral.authorisationDate) == null || DateTimes.compactTime(referral.authorisationTime) == null) {
                findings.add(TranslationRule.DATE.at(authorisation, "Letter/Authorisation"));
            }
        }
        referral.statusCode = coded(letter, "StatusCode", mapping.statusCodes);
        referral.episodeOfCareIdentifier = letter.text("EpisodeOfCareIdentifier");
        referral.sender = party(sender);
        referral.sender.telephone = sender.text("TelephoneSubscriberIdentifier");
        referral.sender.medicalSpeciality = coded(sender, "MedicalSpecialityCode", mapping.specialityCodes);
        referral.referrer = referrer(referrer);
        referral.receiver = party(receiver);
        XmlElement cc = element.child("AnswerCCReceiver");
        if (cc != null) {
            referral.answerCcReceiver = party(cc);
            referral.answerCcReceiver.telephone = cc.text("TelephoneSubscriberIdentifier");
        }
        referral.patient = patient(patient);
        referral.relative = relative(element.child("Relative"));
        additionalInformation(element.child("AdditionalInformation"), referral);
        diagnoses(element.child("Referral"), referral);
        texts(element.child("RelevantClinicalInformation"), "RelevantClinicalInformation/", referral);
        for (XmlElement visitation : element.children("HospitalVisitation")) {
            HospitalReferral.Visitation read = new HospitalReferral.Visitation();
            read.informationCode = coded(visitation, "InformationCode", codes.visitations);
            XmlElement information = required(visitation, "Information");
            read.information = information == null ? List.of() : runs(information);
            referral.visitations.add(read);
        }
        referral.references.addAll(ReferenceXml.read(element, mapping, findings));
        return referral;
    }

    private Party party(XmlElement element) {
        Party party = new Party();
        party.locationNumber = element.text("EANIdentifier");
        party.identifier = element.text("Identifier");
        party.identifierCode = coded(element, "IdentifierCode", mapping.identifierCodes);
        party.organisationName = element.text("OrganisationName");
        party.departmentName = element.text("DepartmentName");
        party.unitName = element.text("UnitName");
        party.streetName = element.text("StreetName");
        party.suburbName = element.text("SuburbName");
        party.districtName = element.text("DistrictName");
        party.postCode = element.text("PostCodeIdentifier");
        return party;
    }

    private HospitalReferral.Referrer referrer(XmlElement element) {
        HospitalReferral.Referrer referrer = new HospitalReferral.Referrer();
        referrer.identifier = element.text("Identifier");
        // an identifier needs its code (NAD+BV carries both); without an identifier the code is optional
        referrer.identifierCode = element.child("IdentifierCode") == null && referrer.identifier == null ? null
                : coded(element, "IdentifierCode", mapping.identifierCodes);
        referrer.personName = element.text("PersonName");
        referrer.personTitle = element.text("PersonTitle");
        return referrer;
    }

    private HospitalReferral.ReferralPatient patient(XmlElement element) {
        HospitalReferral.ReferralPatient patient = new HospitalReferral.ReferralPatient();
        patient.readIdentity(element, findings);
        patient.title = element.text("PersonTitle");
        for (XmlElement telephone : element.children("TelephoneSubscriber")) {
            patient.telephones.add(new String[] {telephone.text("TelephoneSubscriberIdentifier"),
                coded(telephone, "TelephoneSubscriberCode", codes.telephones)});
        }
        patient.email = element.text("EmailIdentifier");
        if (patient.surname == null || patient.civilRegistrationNumber == null && patient.alternativeIdentifier == null) {
            findings.add(TranslationRule.MISSING.at(element, new Phrase(element.path() + " CivilRegistrationNumber or PersonSurnameName", element.path() + " CivilRegistrationNumber eller PersonSurnameName")));
        }
        return patient;
    }

    private HospitalReferral.Relative relative(XmlElement element) {
        if (element == null) {
            return null;
        }
        HospitalReferral.Relative relative = new HospitalReferral.Relative();
        relative.relationCode = coded(element, "RelationCode", codes.relations);
        relative.personIdentifier = element.text("PersonIdentifier");
        relative.surname = element.text("PersonSurnameName");
        relative.givenName = element.text("PersonGivenName");
        return relative;
    }

    private void additionalInformation(XmlElement element, HospitalReferral referral) {
        if (element == null) {
            return;
        }
        referral.priority = element.child("Priority") == null ? null : coded(element, "Priority", codes.priorities);
        referral.referralStatus = element.child("ReferralStatus") == null ? null : coded(element, "ReferralStatus", codes.statuses);
        referral.transport = element.child("Transport") == null ? null : coded(element, "Transport", codes.transports);
        texts(element, "AdditionalInformation/", referral);
    }

    private void diagnoses(XmlElement element, HospitalReferral referral) {
        if (element == null) {
            return;
        }
        XmlElement refer = element.child("Refer");
        if (refer != null) {
            referral.refer = diagnosis(refer);
        }
        for (XmlElement additional : element.children("ReferralAdditional")) {
            HospitalReferral.Diagnosis diagnosis = diagnosis(additional);
            diagnosis.descriptionCode = coded(additional, "DiagnoseDescriptionCode", codes.diagnoseDescriptions);
            referral.additionalDiagnoses.add(diagnosis);
        }
    }

    private HospitalReferral.Diagnosis diagnosis(XmlElement element) {
        HospitalReferral.Diagnosis diagnosis = new HospitalReferral.Diagnosis();
        diagnosis.code = element.text("DiagnoseCode");
        diagnosis.typeCode = coded(element, "DiagnoseTypeCode", codes.diagnoseTypes);
        diagnosis.text = element.text("DiagnoseText");
        return diagnosis;
    }

    private void texts(XmlElement parent, String prefix, HospitalReferral referral) {
        if (parent == null) {
            return;
        }
        for (String place : ReferralToXml.TEXT_ORDER) {
            XmlElement text = place.startsWith(prefix) ? parent.child(place.substring(prefix.length())) : null;
            if (text != null) {
                referral.texts.put(place, runs(text));
            }
        }
    }

    private List<TextRun> runs(XmlElement text) {
        List<TextRun> runs = freeText.read(text);
        if (runs == null) {
            findings.add(TranslationRule.TEXT_FORMAT.at(text));
            return List.of();
        }
        return runs;
    }

    private String coded(XmlElement parent, String name, CodeList list) {
        XmlElement element = required(parent, name);
        if (element == null) {
            return null;
        }
        if (list.toEdifact(element.text()) == null) {
            findings.add(TranslationRule.CODE_UNKNOWN.at(element, name, list.name()));
        }
        return element.text();
    }

    private XmlElement required(XmlElement parent, String name) {
        XmlElement child = parent.child(name);
        if (child == null) {
            findings.add(TranslationRule.MISSING.at(parent, parent.path() + "/" + name));
        }
        return child;
    }
}
