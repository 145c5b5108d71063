package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Phrase;
import dk.region.medcom.gateway.parse.edifact.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a DIS91 message (D9134L) into a {@link ClinicalEmail}. Segments are taken group by group
 * as MedCom's markers open them: header, S01 sender and receiver, S02 letter, S07 patient,
 * S11 episode, S14 texts.
 */
final class ClinicalEmailFromEdifact {

    private final MappingData mapping;
    private final String letterType;
    private final List<Finding> findings;
    private final ClinicalEmail letter = new ClinicalEmail();
    private Party party;
    private String sequence;
    private String authorisation = "";
    private List<TextRun> text;

    private ClinicalEmailFromEdifact(MappingData mapping, String letterType, List<Finding> findings) {
        this.mapping = mapping;
        this.letterType = letterType;
        this.findings = findings;
    }

    static ClinicalEmail read(MessageType type, List<Segment> message, MappingData mapping, List<Finding> findings) {
        return new ClinicalEmailFromEdifact(mapping, type.letterType(), findings).read(message);
    }

    private ClinicalEmail read(List<Segment> message) {
        Segment unh = message.get(0);
        letter.identifier = unh.value(1);
        String group = "";
        for (Segment segment : message.subList(1, message.size() - 1)) {
            if (isGroupMarker(segment)) {
                group = segment.tag();
                segment.hasConstant(1, 1, group.substring(1));
                if (group.equals("S14")) {
                    text = new ArrayList<>();
                    letter.clinicalInformation.add(text);
                }
                continue;
            }
            boolean expected = switch (group) {
                case "" -> header(segment);
                case "S01" -> party(segment);
                case "S02" -> letterInfo(segment);
                case "S07" -> patient(segment);
                case "S11" -> episode(segment);
                case "S14" -> texts(segment);
                default -> false;
            };
            if (!expected) {
                findings.add(TranslationRule.UNEXPECTED_SEGMENT.at(segment, group.isEmpty() ? new Phrase("the DIS91 header", "DIS91-brevhovedet") : new Phrase("DIS91 group " + group, "DIS91-gruppe " + group)));
            }
        }
        letter.clinicalInformation.removeIf(List::isEmpty);
        checkComplete(unh);
        return letter;
    }

    static boolean isGroupMarker(Segment segment) {
        String tag = segment.tag();
        return tag.length() == 3 && tag.charAt(0) == 'S' && Character.isDigit(tag.charAt(1)) && Character.isDigit(tag.charAt(2));
    }

    private boolean header(Segment segment) {
        if (segment.is("BGM", "EPI")) {
            segment.hasConstant(3, 1, "9");
            segment.hasConstant(4, 1, "NA");
            return true;
        }
        if (segment.is("DTM", "137")) {
            String value = segment.value(1, 2);
            authorisation = value;
            letter.authorisationDate = DateTimes.dateFromCcyymmdd(value);
            letter.authorisationTime = DateTimes.time(value, 8);
            if (value.length() != 12 || !segment.value(1, 3).equals("203") || letter.authorisationDate == null
                    || letter.authorisationTime == null) {
                findings.add(TranslationRule.DATE.at(segment, "segment " + segment.number() + " DTM element 1 (format 203)"));
            }
            return true;
        }
        return false;
    }

    private boolean party(Segment segment) {
        switch (segment.tag()) {
            case "NAD" -> {
                if (segment.value(1).equals("SSP")) {
                    letter.sender = party = SegmentValues.party(segment, mapping, findings);
                    sequence = "1";
                } else if (segment.value(1).equals("PO")) {
                    letter.receiver = party = SegmentValues.party(segment, mapping, findings);
                    sequence = "2";
                } else {
                    return false;
                }
            }
            case "ADR" -> {
                if (party == null) {
                    return false;
                }
                String[] address = SegmentValues.address(segment, findings);
                party.streetName = address[0];
                party.suburbName = address[1];
                party.districtName = address[2];
                party.postCode = address[3];
            }
            case "CON" -> {
                if (party == null || !segment.value(2, 2).equals("TE")) {
                    return false;
                }
                party.telephone = segment.value(2, 1);
            }
            case "SEQ" -> {
                // the SEQ numbers are regenerated on output: sender 1, receiver 2
                if (party == null) {
                    return false;
                }
                segment.hasConstant(2, 1, sequence);
            }
            case "SPR" -> {
                if (party == null) {
                    return false;
                }
                party.medicalSpeciality = SegmentValues.speciality(segment, mapping, letterType, findings);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean letterInfo(Segment segment) {
        switch (segment.tag()) {
            case "GIS" -> letter.statusCode = code(segment, 1, mapping.statusCodes, segment.value(1));
            case "RFF" -> {
                if (segment.value(1, 1).equals("SRI")) {
                    segment.hasConstant(1, 2, letter.identifier); // the letter identifier again
                } else {
                    letter.priority = code(segment, 1, mapping.priorityCodes, segment.value(1, 1));
                    segment.hasConstant(1, 2, "NC");
                }
            }
            case "DTM" -> SegmentValues.repeatedAuthorisation(segment, "182", authorisation);
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean patient(Segment segment) {
        ClinicalEmail.PatientData patient = letter.patient == null ? (letter.patient = new ClinicalEmail.PatientData()) : letter.patient;
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
                for (int element = 3; element <= segment.elementCount(); element++) {
                    if (segment.value(element, 1).equals("SU")) {
                        patient.surname = segment.value(element, 2);
                    } else if (segment.value(element, 1).equals("FO")) {
                        patient.givenName = segment.value(element, 2);
                    }
                }
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
            case "EMP" -> {
                segment.hasConstant(1, 1, "1");
                patient.occupancy = segment.value(3, 4);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean episode(Segment segment) {
        switch (segment.tag()) {
            case "GIS" -> segment.hasConstant(1, 1, "N"); // fixed values in DIS91
            case "SEQ" -> segment.hasConstant(2, 1, "1");
            case "RFF" -> {
                if (segment.value(1, 1).equals("REI")) {
                    letter.episodeOfCareIdentifier = segment.value(1, 2);
                } else if (segment.value(1, 1).equals("AHI")) {
                    segment.hasConstant(1, 2, "1");
                } else {
                    return false;
                }
            }
            case "PAS" -> {
                if (letter.patient != null) {
                    letter.patient.episodeOfCareStatus = code(segment, 1, mapping.episodeStatusCodes, segment.value(1));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean texts(Segment segment) {
        if (!segment.is("FTX")) {
            return false;
        }
        SegmentValues.checkLineLengths(segment, findings);
        switch (segment.value(1)) {
            case "OE" -> {
                segment.hasConstant(2, 1, TextRun.PLAIN);
                letter.subject = segment.value(4, 1);
            }
            case "NC" -> {
                String format = segment.value(2).isEmpty() ? TextRun.PLAIN : segment.value(2);
                if (mapping.textFormats.toXml(format) == null) {
                    findings.add(TranslationRule.TEXT_FORMAT.at(segment));
                }
                FreeTextEdifact.appendLines(format, segment.components(4), text);
            }
            case "BIN", "URL", "SUP" -> reference(segment);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** MedCom's converter gathers the reference FTX of every S14 group; so does this, up to DIS91's ten. */
    private void reference(Segment ftx) {
        letter.references.add(ReferenceEdifact.read(ftx, mapping, findings));
        if (letter.references.size() == Reference.MAX_PER_LETTER + 1) {
            findings.add(TranslationRule.TOO_MANY.at(ftx, Reference.MAX_PER_LETTER, new Phrase("references (FTX+BIN/URL/SUP)", "referencer (FTX+BIN/URL/SUP)")));
        }
    }

    private String code(Segment segment, int element, CodeList list, String edifactCode) {
        return SegmentValues.code(segment, element, list, edifactCode, findings);
    }

    private void checkComplete(Segment unh) {
        if (letter.sender == null) {
            findings.add(TranslationRule.MISSING.at(unh, new Phrase("the sender (S01 NAD+SSP)", "afsenderen (S01 NAD+SSP)")));
        } else if (letter.sender.organisationName.isEmpty()) {
            findings.add(TranslationRule.MISSING.at(unh, new Phrase("the sender's organisation name (NAD+SSP element 4)", "afsenderens organisationsnavn (NAD+SSP element 4)")));
        }
        if (letter.receiver == null) {
            findings.add(TranslationRule.MISSING.at(unh, new Phrase("the receiver (S01 NAD+PO)", "modtageren (S01 NAD+PO)")));
        }
        if (letter.patient == null || letter.patient.surname == null || letter.patient.surname.isEmpty()
                || letter.patient.civilRegistrationNumber == null && letter.patient.alternativeIdentifier == null) {
            findings.add(TranslationRule.MISSING.at(unh, new Phrase("the patient's CPR number or surname (S07 PNA+PAT)", "patientens CPR-nummer eller efternavn (S07 PNA+PAT)")));
        }
        if (letter.authorisationDate == null && findings.stream().noneMatch(f -> f.ruleId().equals(TranslationRule.DATE.ruleId))) {
            findings.add(TranslationRule.MISSING.at(unh, new Phrase("the authorisation time (DTM+137)", "autorisationstidspunktet (DTM+137)")));
        }
        if (letter.statusCode == null && findings.stream().noneMatch(f -> f.ruleId().equals(TranslationRule.CODE_UNKNOWN.ruleId))) {
            findings.add(TranslationRule.MISSING.at(unh, new Phrase("the letter status (S02 GIS)", "brevets status (S02 GIS)")));
        }
    }
}
