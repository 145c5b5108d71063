package dk.region.medcom.gateway.parse.edifact;

import java.util.List;

/**
 * One EDIFACT segment as read: its tag, its number in the interchange (UNB = 1), the byte offset
 * of its tag, and its data elements, each a list of components with release characters removed.
 */
public record Segment(int number, String tag, long byteOffset, List<List<String>> elements) {

    /** Component {@code component} (1-based) of element {@code element} (1-based), or "" when absent. */
    public String value(int element, int component) {
        if (element < 1 || element > elements.size()) {
            return "";
        }
        List<String> components = elements.get(element - 1);
        return component < 1 || component > components.size() ? "" : components.get(component - 1);
    }

    /** The first component of element {@code element}, or "". */
    public String value(int element) {
        return value(element, 1);
    }

    /** All components of element {@code element} (1-based); empty when absent. */
    public List<String> components(int element) {
        return element < 1 || element > elements.size() ? List.of() : elements.get(element - 1);
    }

    public int elementCount() {
        return elements.size();
    }

    public boolean is(String otherTag) {
        return tag.equals(otherTag);
    }

    /** Tag plus first element, e.g. {@code FTX+NC}: how MedCom qualifies segments. */
    public boolean is(String otherTag, String qualifier) {
        return tag.equals(otherTag) && value(1).equals(qualifier);
    }
}
