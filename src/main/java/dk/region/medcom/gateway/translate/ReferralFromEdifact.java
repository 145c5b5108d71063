package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Phrase;
import dk.region.medcom.gateway.parse.edifact.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a REF01 message (H0130R) into a {@link HospitalReferral}, group by group: header, S01
 * parties (PO sender, SSP receiver, BV referrer, PRH answer copy), S02 letter and diagnoses, S06,
 * S07 patient, S10 relative, S12 clinical texts, S18 visitation, S19 transport.
 */
final class ReferralFromEdifact {

    private final MappingData mapping;
    private final String letterType;
    private final ReferralCodes codes;
    private final List<Finding> findings;
    private final HospitalReferral referral = new HospitalReferral();
    private Party party;
    private String sequence;
    private String authorisation = "";
    private String lastTextQualifier;

    private ReferralFromEdifact(MappingData mapping, String letterType, List<Finding> findings) {
        this.mapping = mapping;
        this.letterType = letterType;
        this.codes = mapping.referralCodes;
        this.findings = findings;
    }

    static HospitalReferral read(MessageType type, List<Segment> message, MappingData mapping, List<Finding> findings) {
        return new ReferralFromEdifact(mapping, type.letterType(), findings).read(message);
    }

    private HospitalReferral read(List<Segment> message) {
        Segment unh = message.get(0);
        referral.identifier = unh.value(1);
        String group = "";
        for (Segment segment : message.subList(1, message.size() - 1)) {
            if (SegmentValues.isGroupMarker(segment)) {
                group = segment.tag();
                segment.hasConstant(1, 1, group.substring(1));
                lastTextQualifier = null;
                continue;
            }
            boolean expected = switch (group) {
                case "" -> header(segment);
                case "S01" -> party(segment);
                case "S02" -> letter(segment);
                case "S06" -> notReferred(segment);
                case "S07" -> ReferralPeopleFromEdifact.patient(segment, referral, codes, findings);
                case "S10" -> ReferralPeopleFromEdifact.relative(segment, referral, codes, findings);
                case "S12" -> clinicalTexts(segment);
                case "S18" -> visitation(segment);
                case "S19" -> transport(segment);
                default -> false;
            };
            if (!expected) {
                findings.add(TranslationRule.UNEXPECTED_SEGMENT.at(segment, group.isEmpty() ? new Phrase("the REF01 header", "REF01-brevhovedet") : new Phrase("REF01 group " + group, "REF01-gruppe " + group)));
            }
        }
        checkComplete(unh);
        return referral;
    }

    private boolean header(Segment segment) {
        if (segment.is("BGM", "HNV")) {
            segment.hasConstant(3, 1, "9");
            segment.hasConstant(4, 1, "NA");
            return true;
        }
        if (!segment.is("DTM", "137")) {
            return false;
        }
        String value = segment.value(1, 2);
        authorisation = value;
        referral.authorisationDate = DateTimes.dateFromCcyymmdd(value);
        referral.authorisationTime = DateTimes.time(value, 8);
        if (value.length() != 12 || !segment.value(1, 3).equals("203") || referral.authorisationDate == null
                || referral.authorisationTime == null) {
            findings.add(TranslationRule.DATE.at(segment, "segment " + segment.number() + " DTM element 1 (format 203)"));
        }
        return true;
    }

    private boolean party(Segment segment) {
        switch (segment.tag()) {
            case "NAD" -> {
                return nad(segment);
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
                if (party == null) {
                    return false;
                }
                party.telephone = SegmentValues.telephone(segment);
            }
            case "SPR" -> {
                if (party == null) {
                    return false;
                }
                party.medicalSpeciality = SegmentValues.speciality(segment, mapping, letterType, findings);
            }
            case "SEQ" -> {
                // SEQ numbers are regenerated on output, one per role
                if (sequence == null) {
                    return false;
                }
                segment.hasConstant(2, 1, sequence);
            }
            case "RFF" -> {
                // the referrer's RFF+AHL:1 is regenerated on output
                if (!"3".equals(sequence) || !segment.value(1, 1).equals("AHL")) {
                    return false;
                }
                segment.hasConstant(1, 2, "1");
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean nad(Segment nad) {
        party = null;
        sequence = null;
        switch (nad.value(1)) {
            case "PO" -> {
                referral.sender = party = partyOf(nad);
                sequence = "1";
            }
            case "SSP" -> {
                referral.receiver = party = partyOf(nad);
                sequence = "2";
            }
            case "PRH" -> {
                referral.answerCcReceiver = party = partyOf(nad);
                sequence = "4";
            }
            case "BV" -> {
                sequence = "3";
                HospitalReferral.Referrer referrer = new HospitalReferral.Referrer();
                referrer.identifier = nad.value(2, 1);
                if (!referrer.identifier.isEmpty()) {
                    referrer.identifierCode = SegmentValues.code(nad, 2, mapping.identifierCodes,
                            nad.value(2, 2) + ":" + nad.value(2, 3), findings);
                }
                referrer.personTitle = nad.value(4, 1);
                referrer.personName = nad.value(4, 2);
                nad.hasConstant(4, 6, "US");
                referral.referrer = referrer;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** As MedCom's REF01 example has it, the placeholder {@code _} for no organisation name is kept in the XML as it is. */
    private Party partyOf(Segment nad) {
        Party read = SegmentValues.party(nad, mapping, findings);
        if (nad.value(4, 1).equals("_")) {
            read.organisationName = "_";
        }
        return read;
    }

    private boolean letter(Segment segment) {
        switch (segment.tag()) {
            case "GIS" -> referral.statusCode = SegmentValues.code(segment, 1, mapping.statusCodes, segment.value(1), findings);
            case "RFF" -> {
                if (!segment.value(1, 1).equals("ROI")) {
                    return false;
                }
                String episode = segment.value(1, 2);
                referral.episodeOfCareIdentifier = episode.equals("_") || episode.isEmpty() ? null : episode;
            }
            case "DTM" -> SegmentValues.repeatedAuthorisation(segment, "4", authorisation);
            case "CIN" -> diagnosis(segment);
            case "FTX" -> {
                return text(segment);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void diagnosis(Segment cin) {
        HospitalReferral.Diagnosis diagnosis = new HospitalReferral.Diagnosis();
        diagnosis.code = cin.value(2, 1);
        diagnosis.typeCode = SegmentValues.code(cin, 2, codes.diagnoseTypes, cin.value(2, 2), findings);
        diagnosis.text = SegmentValues.limited(cin, 2, cin.value(2, 4), FreeTextEdifact.LINE_LENGTH, findings);
        if (diagnosis.text.isEmpty()) {
            findings.add(TranslationRule.MISSING.at(cin, "segment " + cin.number() + " CIN element 2 component 4"));
        }
        if (cin.value(1).equals("H")) {
            referral.refer = diagnosis;
        } else {
            diagnosis.descriptionCode = SegmentValues.code(cin, 1, codes.diagnoseDescriptions, cin.value(1), findings);
            referral.additionalDiagnoses.add(diagnosis);
        }
    }

    private boolean clinicalTexts(Segment segment) {
        if (segment.is("FTX", "IN") && referral.patient != null) {
            segment.hasConstant(2, 1, TextRun.PLAIN);
            referral.patient.email = segment.value(4, 1);
            return true;
        }
        if (ReferenceEdifact.isReference(segment)) {
            reference(segment);
            return true;
        }
        return segment.is("FTX") && text(segment);
    }

    /** References sit in S12 with the clinical texts, as MedCom's H0130R.xslt reads them. */
    private void reference(Segment ftx) {
        SegmentValues.checkLineLengths(ftx, findings);
        referral.references.add(ReferenceEdifact.read(ftx, mapping, findings));
        if (referral.references.size() == Reference.MAX_PER_LETTER + 1) {
            findings.add(TranslationRule.TOO_MANY.at(ftx, Reference.MAX_PER_LETTER, new Phrase("references (FTX+BIN/URL/SUP)", "referencer (FTX+BIN/URL/SUP)")));
        }
    }

    private boolean visitation(Segment segment) {
        switch (segment.tag()) {
            case "GIS" -> segment.hasConstant(1, 1, "N");
            case "PTY" -> {
                if (!segment.is("PTY", "PRI")) {
                    return false;
                }
                referral.priority = SegmentValues.code(segment, 2, codes.priorities, segment.value(2), findings);
            }
            case "PAS" -> referral.referralStatus = SegmentValues.code(segment, 1, codes.statuses, segment.value(1), findings);
            case "FTX" -> {
                String informationCode = codes.visitations.toXml(segment.value(1));
                if (informationCode == null) {
                    return false; // PR (pregnancy) and anything else MedCom does not allow in REF01
                }
                SegmentValues.checkLineLengths(segment, findings);
                List<HospitalReferral.Visitation> visitations = referral.visitations;
                HospitalReferral.Visitation last = visitations.isEmpty() ? null : visitations.get(visitations.size() - 1);
                if (last == null || !segment.value(1).equals(lastTextQualifier)) {
                    last = new HospitalReferral.Visitation();
                    last.informationCode = informationCode;
                    visitations.add(last);
                }
                lastTextQualifier = segment.value(1);
                FreeTextEdifact.appendLines(format(segment), segment.components(4), last.information);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean transport(Segment segment) {
        if (segment.is("STS")) {
            return notReferred(segment);
        }
        if (segment.is("TDT", "PHL")) {
            referral.transport = SegmentValues.code(segment, 3, codes.transports, segment.value(3), findings);
            return true;
        }
        return segment.is("FTX") && text(segment);
    }

    /** {@code STS++NR}, as S06 and S19 open: a constant of the message, written back as it is. */
    private static boolean notReferred(Segment sts) {
        if (!sts.is("STS")) {
            return false;
        }
        sts.hasConstant(2, 1, "NR");
        return true;
    }

    /** An FTX whose qualifier referral-texts.csv names: appended to that text. */
    private boolean text(Segment ftx) {
        String place = codes.texts.toXml(ftx.value(1));
        if (place == null) {
            return false;
        }
        SegmentValues.checkLineLengths(ftx, findings);
        FreeTextEdifact.appendLines(format(ftx), ftx.components(4), referral.texts.computeIfAbsent(place, p -> new ArrayList<>()));
        return true;
    }

    private String format(Segment ftx) {
        String format = ftx.value(2).isEmpty() ? TextRun.PLAIN : ftx.value(2);
        if (mapping.textFormats.toXml(format) == null) {
            findings.add(TranslationRule.TEXT_FORMAT.at(ftx));
        }
        return format;
    }

    private void checkComplete(Segment unh) {
        if (referral.sender == null) {
            findings.add(TranslationRule.MISSING.at(unh, new Phrase("the sender (S01 NAD+PO)", "afsenderen (S01 NAD+PO)")));
        }
        if (referral.sender != null && referral.sender.organisationName.isEmpty()) {
            findings.add(TranslationRule.MISSING.at(unh, new Phrase("the sender's organisation name (NAD+PO element 4)",
                    "afsenderens organisationsnavn (NAD+PO element 4)")));
        }
        if (referral.relative != null && (referral.relative.surname == null || referral.relative.surname.isEmpty())) {
            findings.add(TranslationRule.MISSING.at(unh, new Phrase("the relative's surname (S10 PNA+PAS)", "pårørendes efternavn (S10 PNA+PAS)")));
        }
        if (referral.receiver == null) {
            findings.add(TranslationRule.MISSING.at(unh, new Phrase("the receiver (S01 NAD+SSP)", "modtageren (S01 NAD+SSP)")));
        }
        if (referral.referrer == null || referral.referrer.personName.isEmpty()) {
            findings.add(TranslationRule.MISSING.at(unh, new Phrase("the referrer (S01 NAD+BV)", "den henvisende læge (S01 NAD+BV)")));
        }
        if (referral.patient == null || referral.patient.surname == null || referral.patient.surname.isEmpty()
                || referral.patient.civilRegistrationNumber == null && referral.patient.alternativeIdentifier == null) {
            findings.add(TranslationRule.MISSING.at(unh, new Phrase("the patient's CPR number or surname (S07 PNA+PAT)", "patientens CPR-nummer eller efternavn (S07 PNA+PAT)")));
        }
        if (referral.statusCode == null && findings.stream().noneMatch(f -> f.ruleId().equals(TranslationRule.CODE_UNKNOWN.ruleId))) {
            findings.add(TranslationRule.MISSING.at(unh, new Phrase("the letter status (S02 GIS)", "brevets status (S02 GIS)")));
        }
    }
}
