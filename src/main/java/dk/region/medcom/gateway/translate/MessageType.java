package dk.region.medcom.gateway.translate;

import java.util.Map;

/** One row of {@code mapping/message-types.csv}: how a letter type looks in EDIFACT and in XML. */
record MessageType(String letterType, String edifactType, String edifactVersion, String edifactRelease,
                   String agency, String associationCode, String xmlNamespace, String xmlElement,
                   String xmlVersionCode, String mapping, boolean acknowledgementInUnb) {

    static MessageType of(Map<String, String> row) {
        return new MessageType(row.get("letter_type"), row.get("edifact_type"), row.get("edifact_version"),
                row.get("edifact_release"), row.get("agency"), row.get("association_code"), row.get("xml_namespace"),
                row.get("xml_element"), row.get("xml_version_code"), row.get("mapping"), "yes".equals(row.get("ack_in_unb")));
    }

    /** Letter/StatisticalCode and, where the letter has one, TypeCode: the letter type with an X in front. */
    String xmlTypeCode() {
        return "X" + letterType;
    }
}
