package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.edifact.Segment;
import java.util.List;

/** Reading helpers shared by the letter mappings: code lookups that report, NAD and ADR. */
final class SegmentValues {

    private SegmentValues() {
    }

    /** The XML value of an EDIFACT code, or null with a finding naming the segment and element. */
    static String code(Segment segment, int element, CodeList list, String edifactCode, List<Finding> findings) {
        String xml = list.toXml(edifactCode);
        if (xml == null) {
            findings.add(TranslationRule.CODE_UNKNOWN.at(segment, "segment " + segment.number() + " " + segment.tag()
                    + " element " + element, list.name()));
        }
        return xml;
    }

    /** {@code NAD+q+id:list:agency++org:dept:unit:::US}; {@code _} is MedCom's placeholder for no organisation name. */
    static Party party(Segment nad, MappingData mapping, List<Finding> findings) {
        Party party = new Party();
        party.identifier = nad.value(2, 1);
        party.identifierCode = code(nad, 2, mapping.identifierCodes, nad.value(2, 2) + ":" + nad.value(2, 3), findings);
        party.organisationName = nad.value(4, 1).equals("_") ? "" : nad.value(4, 1);
        party.departmentName = nad.value(4, 2);
        party.unitName = nad.value(4, 3);
        nad.hasConstant(4, 6, "US");
        limited(nad, 2, party.identifier, 17, findings);
        for (int component = 1; component <= 3; component++) {
            limited(nad, 4, nad.value(4, component), NAME_LENGTH, findings);
        }
        return party;
    }

    /** A MedCom group marker (CEN trigger segment) {@code S01} ... {@code S99}. */
    static boolean isGroupMarker(Segment segment) {
        String tag = segment.tag();
        return tag.length() == 3 && tag.charAt(0) == 'S' && Character.isDigit(tag.charAt(1)) && Character.isDigit(tag.charAt(2));
    }

    /** MedCom's XML limit for names and address lines (String_1_35). */
    static final int NAME_LENGTH = 35;

    /** Reports a value longer than the XML element it goes into allows; returns the value. */
    static String limited(Segment segment, int element, String value, int maxLength, List<Finding> findings) {
        if (value != null && value.length() > maxLength) {
            findings.add(TranslationRule.TOO_LONG.at(segment, "segment " + segment.number() + " " + segment.tag()
                    + " element " + element, maxLength));
        }
        return value;
    }

    /** {@code ADR++US:street:suburb+district+postcode} into the four address fields. */
    static String[] address(Segment adr) {
        adr.hasConstant(2, 1, "US");
        return new String[] {adr.value(2, 2), adr.value(2, 3), adr.value(3), adr.value(4)};
    }

    /** As {@link #address(Segment)}, reporting lines longer than the XML allows. */
    static String[] address(Segment adr, List<Finding> findings) {
        String street = adr.value(2, 2);
        String suburb = adr.value(2, 3);
        limited(adr, 2, street.length() >= suburb.length() ? street : suburb, NAME_LENGTH, findings);
        limited(adr, 3, adr.value(3), NAME_LENGTH, findings);
        return address(adr);
    }

    /**
     * {@code SPR+ORG+<speciality>:SKS:SST+<letter type>:SKS:SST}: the speciality's XML code, or null
     * with a finding; the constant parts are the ones the mapping writes back.
     */
    static String speciality(Segment spr, MappingData mapping, String letterType, List<Finding> findings) {
        spr.hasConstant(1, 1, "ORG");
        spr.hasConstant(2, 2, "SKS");
        spr.hasConstant(2, 3, "SST");
        spr.hasConstant(3, 1, letterType);
        spr.hasConstant(3, 2, "SKS");
        spr.hasConstant(3, 3, "SST");
        return code(spr, 2, mapping.specialityCodes, spr.value(2, 1), findings);
    }

    /** {@code CON+q+number:TE}: the number; TE is the only channel the letters carry. */
    static String telephone(Segment con) {
        con.hasConstant(2, 2, "TE");
        return con.value(2, 1);
    }

    /** A DTM that repeats the authorisation time ({@code DTM+q:CCYYMMDDHHMM:203}): read only to confirm it does. */
    static void repeatedAuthorisation(Segment dtm, String qualifier, String authorisation) {
        dtm.hasConstant(1, 1, qualifier);
        dtm.hasConstant(1, 2, authorisation);
        dtm.hasConstant(1, 3, "203");
    }

    /** Checks each FTX text line is at most 70 characters; the lines are not thereby read. */
    static void checkLineLengths(Segment ftx, List<Finding> findings) {
        List<String> lines = ftx.elementCount() < 4 ? List.of() : ftx.elements().get(3);
        for (String line : lines) {
            if (line.length() > FreeTextEdifact.LINE_LENGTH) {
                findings.add(TranslationRule.TOO_LONG.at(ftx, "segment " + ftx.number() + " FTX element 4", FreeTextEdifact.LINE_LENGTH));
                return;
            }
        }
    }
}
