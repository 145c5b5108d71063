package dk.region.medcom.gateway.translate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The XML letter as the mapping engine builds it from EDIFACT: EDIFACT order is not XML order
 * (S11's PAS goes into S07's Patient), so values are placed by path first and written in the
 * order the mapping data names.
 */
final class XmlNode {

    final String name;
    String text;
    /** Formatted text (mixed content with Break and markup), for free-text elements. */
    List<TextRun> runs;
    final List<XmlNode> children = new ArrayList<>();

    XmlNode(String name) {
        this.name = name;
    }

    /** The last child named {@code childName}, created when there is none. */
    XmlNode child(String childName) {
        for (int i = children.size() - 1; i >= 0; i--) {
            if (children.get(i).name.equals(childName)) {
                return children.get(i);
            }
        }
        return add(childName);
    }

    XmlNode add(String childName) {
        XmlNode child = new XmlNode(childName);
        children.add(child);
        return child;
    }

    /** Follows a path such as {@code Referral/Refer}, creating what is missing. */
    XmlNode path(String path) {
        if (path.indexOf('/') < 0) {
            return child(path);
        }
        XmlNode node = this;
        for (String step : path.split("/")) {
            node = node.child(step);
        }
        return node;
    }

    /** Writes the letter: its own children in the order named under its name or under {@code letter}. */
    void writeLetter(XmlOut out, Map<String, List<String>> order, FreeTextXml freeText) {
        write(out, order, freeText, order.getOrDefault(name, order.get("letter")));
    }

    void write(XmlOut out, Map<String, List<String>> order, FreeTextXml freeText) {
        write(out, order, freeText, order.get(name));
    }

    private void write(XmlOut out, Map<String, List<String>> order, FreeTextXml freeText, List<String> names) {
        if (runs != null) {
            out.start(name);
            freeText.write(runs, out);
            out.end(name);
            return;
        }
        if (children.isEmpty()) {
            out.element(name, text);
            return;
        }
        List<XmlNode> ordered = new ArrayList<>(children);
        if (names != null) {
            ordered.sort(Comparator.comparingInt(c -> names.indexOf(c.name) < 0 ? Integer.MAX_VALUE : names.indexOf(c.name)));
        }
        out.start(name);
        for (XmlNode child : ordered) {
            child.write(out, order, freeText);
        }
        out.end(name);
    }
}
