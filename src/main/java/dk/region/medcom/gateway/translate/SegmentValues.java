package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.edifact.Segment;
import java.util.List;

/** Reading helpers shared by the mapping engine and the references: code lookups and lengths that report. */
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

    /** A MedCom group marker (CEN trigger segment) {@code S01} ... {@code S99}. */
    static boolean isGroupMarker(Segment segment) {
        String tag = segment.tag();
        return tag.length() == 3 && tag.charAt(0) == 'S' && Character.isDigit(tag.charAt(1)) && Character.isDigit(tag.charAt(2));
    }

    /** Reports a value longer than the XML element it goes into allows; returns the value. */
    static String limited(Segment segment, int element, String value, int maxLength, List<Finding> findings) {
        if (value != null && value.length() > maxLength) {
            findings.add(TranslationRule.TOO_LONG.at(segment, "segment " + segment.number() + " " + segment.tag()
                    + " element " + element, maxLength));
        }
        return value;
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
