package dk.region.medcom.gateway.translate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A two-way code list between an EDIFACT code and an XML value, read from a mapping table whose
 * first two columns are the EDIFACT code and the XML value. Where several EDIFACT codes map to
 * one XML value, the first row decides what is written back.
 */
final class CodeList {

    private final String name;
    private final Map<String, String> toXml = new HashMap<>();
    private final Map<String, String> toEdifact = new HashMap<>();
    /** XML values as read from a document, where surrounding whitespace is gone. */
    private final Map<String, String> trimmedToEdifact = new HashMap<>();

    private CodeList(String name) {
        this.name = name;
    }

    static CodeList load(String name) {
        CodeList list = new CodeList(name);
        for (Map<String, String> row : CsvTable.read("mapping/" + name + ".csv")) {
            List<String> values = List.copyOf(row.values());
            String edifact = firstColumn(row, "edifact", "spr_code");
            String xml = firstColumn(row, "xml", "medical_speciality_code");
            if (edifact == null || xml == null) {
                throw new IllegalStateException("mapping table " + name + " needs two columns, has " + values.size());
            }
            list.toXml.putIfAbsent(edifact, xml);
            list.toEdifact.putIfAbsent(xml, edifact);
            list.trimmedToEdifact.putIfAbsent(xml.trim(), edifact);
        }
        return list;
    }

    /** A list made from data other than a mapping table (e.g. message-types.csv): EDIFACT code → XML value, first pair wins back. */
    static CodeList of(String name, Map<String, String> edifactToXml) {
        CodeList list = new CodeList(name);
        edifactToXml.forEach((edifact, xml) -> {
            list.toXml.putIfAbsent(edifact, xml);
            list.toEdifact.putIfAbsent(xml, edifact);
            list.trimmedToEdifact.putIfAbsent(xml.trim(), edifact);
        });
        return list;
    }

    private static String firstColumn(Map<String, String> row, String... names) {
        for (String column : names) {
            if (row.containsKey(column)) {
                return row.get(column);
            }
        }
        return null;
    }

    /** The XML value for an EDIFACT code, or null when the code is not in the list. */
    String toXml(String edifactCode) {
        return toXml.get(edifactCode);
    }

    /** The EDIFACT code for an XML value, or null when the value is not in the list. */
    String toEdifact(String xmlValue) {
        String edifact = toEdifact.get(xmlValue);
        return edifact != null || xmlValue == null ? edifact : trimmedToEdifact.get(xmlValue.trim());
    }

    String name() {
        return name;
    }
}
