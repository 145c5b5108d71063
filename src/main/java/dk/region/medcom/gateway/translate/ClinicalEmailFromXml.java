package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Phrase;
import java.util.List;

/** Reads an XDIS91 {@code ClinicalEmail} element into a {@link ClinicalEmail}, checking codes and DIS91's limits. */
final class ClinicalEmailFromXml {

    static final int MAX_CLINICAL_INFORMATION = 10;
    /** FTX segments one S14 group may hold: the first also carries the subject (FTX+OE). */
    static final int MAX_FTX_PER_GROUP = 9;

    private final MappingData mapping;
    private final FreeTextXml freeText;
    private final List<Finding> findings;

    private ClinicalEmailFromXml(MappingData mapping, FreeTextXml freeText, List<Finding> findings) {
        this.mapping = mapping;
        this.freeText = freeText;
        this.findings = findings;
    }

    static ClinicalEmail read(XmlElement element, MappingData mapping, FreeTextXml freeText, List<Finding> findings) {
        return new ClinicalEmailFromXml(mapping, freeText, findings).read(element);
    }

    private ClinicalEmail read(XmlElement element) {
        ClinicalEmail letter = new ClinicalEmail();
        XmlElement letterElement = required(element, "Letter");
        XmlElement sender = required(element, "Sender");
        XmlElement receiver = required(element, "Receiver");
        XmlElement patient = required(element, "Patient");
        if (letterElement == null || sender == null || receiver == null || patient == null) {
            return null;
        }
        letter.identifier = letterElement.text("Identifier");
        XmlElement authorisation = required(letterElement, "Authorisation");
        if (authorisation != null) {
            letter.authorisationDate = authorisation.text("Date");
            letter.authorisationTime = authorisation.text("Time");
            if (DateTimes.compactDate(letter.authorisationDate) == null || DateTimes.compactTime(letter.authorisationTime) == null) {
                findings.add(TranslationRule.DATE.at(authorisation, "Letter/Authorisation"));
            }
        }
        letter.statusCode = coded(letterElement, "StatusCode", mapping.statusCodes, true);
        letter.episodeOfCareIdentifier = letterElement.text("EpisodeOfCareIdentifier");
        letter.sender = party(sender);
        letter.sender.telephone = sender.text("TelephoneSubscriberIdentifier");
        letter.sender.medicalSpeciality = coded(sender, "MedicalSpecialityCode", mapping.specialityCodes, false);
        letter.receiver = party(receiver);
        letter.patient = patient(patient);
        XmlElement additional = element.child("AdditionalInformation");
        if (additional != null) {
            letter.priority = coded(additional, "Priority", mapping.priorityCodes, false);
            letter.subject = additional.text("Subject");
        }
        readTexts(element, letter);
        letter.references.addAll(ReferenceXml.read(element, mapping, findings));
        return letter;
    }

    private void readTexts(XmlElement element, ClinicalEmail letter) {
        List<XmlElement> texts = element.children("ClinicalInformation");
        if (texts.size() > MAX_CLINICAL_INFORMATION) {
            findings.add(TranslationRule.TOO_MANY.at(texts.get(MAX_CLINICAL_INFORMATION), MAX_CLINICAL_INFORMATION, "ClinicalInformation"));
        }
        boolean first = true;
        for (XmlElement clinical : texts) {
            XmlElement text01 = required(clinical, "Text01");
            if (text01 == null) {
                continue;
            }
            List<TextRun> runs = freeText.read(text01);
            if (runs == null) {
                findings.add(TranslationRule.TEXT_FORMAT.at(text01));
                runs = List.of();
            }
            int room = MAX_FTX_PER_GROUP - (first && letter.subject != null && !letter.subject.isEmpty() ? 1 : 0);
            if (ftxSegments(runs) > room) {
                findings.add(TranslationRule.TOO_MANY.at(text01, room, new Phrase("FTX segments (5 lines of 70 characters each) for one ClinicalInformation", "FTX-segmenter (5 linjer à 70 tegn) til én ClinicalInformation")));
            }
            letter.clinicalInformation.add(runs);
            first = false;
        }
    }

    static int ftxSegments(List<TextRun> runs) {
        int segments = 0;
        for (TextRun run : runs) {
            segments += (FreeTextEdifact.lines(run.text()).size() + FreeTextEdifact.LINES_PER_FTX - 1) / FreeTextEdifact.LINES_PER_FTX;
        }
        return segments;
    }

    private Party party(XmlElement element) {
        Party party = new Party();
        party.locationNumber = element.text("EANIdentifier");
        party.identifier = element.text("Identifier");
        party.identifierCode = coded(element, "IdentifierCode", mapping.identifierCodes, true);
        party.organisationName = element.text("OrganisationName");
        party.departmentName = element.text("DepartmentName");
        party.unitName = element.text("UnitName");
        party.streetName = element.text("StreetName");
        party.suburbName = element.text("SuburbName");
        party.districtName = element.text("DistrictName");
        party.postCode = element.text("PostCodeIdentifier");
        return party;
    }

    private ClinicalEmail.PatientData patient(XmlElement element) {
        ClinicalEmail.PatientData patient = new ClinicalEmail.PatientData();
        patient.readIdentity(element, findings);
        patient.occupancy = element.text("OccupancyText");
        if (patient.surname == null || patient.civilRegistrationNumber == null && patient.alternativeIdentifier == null) {
            findings.add(TranslationRule.MISSING.at(element, new Phrase(element.path() + " CivilRegistrationNumber or PersonSurnameName", element.path() + " CivilRegistrationNumber eller PersonSurnameName")));
        }
        patient.episodeOfCareStatus = coded(element, "EpisodeOfCareStatusCode", mapping.episodeStatusCodes, false);
        return patient;
    }

    private String coded(XmlElement parent, String name, CodeList list, boolean isRequired) {
        XmlElement element = isRequired ? required(parent, name) : parent.child(name);
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
