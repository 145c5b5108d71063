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
        return party;
    }

    /** {@code ADR++US:street:suburb+district+postcode} into the four address fields. */
    static String[] address(Segment adr) {
        return new String[] {adr.value(2, 2), adr.value(2, 3), adr.value(3), adr.value(4)};
    }

    /** Checks each FTX text line is at most 70 characters. */
    static void checkLineLengths(Segment ftx, List<Finding> findings) {
        for (String line : ftx.components(4)) {
            if (line.length() > FreeTextEdifact.LINE_LENGTH) {
                findings.add(TranslationRule.TOO_LONG.at(ftx, "segment " + ftx.number() + " FTX element 4", FreeTextEdifact.LINE_LENGTH));
                return;
            }
        }
    }
}
