package dk.region.medcom.gateway.parse.xml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small namespace-agnostic DOM walks: MedCom messages use one namespace per message, so local names suffice. */
public final class Dom {

    private Dom() {
    }

    public static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(localName(e))) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(localName(e))) {
                found.add(e);
            }
        }
        return found;
    }

    /** Every element with this local name at or below {@code from}, in document order. */
    static List<Element> descendants(Element from, String localName) {
        List<Element> found = new ArrayList<>();
        collect(from, localName, found);
        return found;
    }

    /** Every element at or below {@code from}, grouped by local name, each group in document order. */
    static Map<String, List<Element>> indexByLocalName(Element from) {
        Map<String, List<Element>> index = new HashMap<>();
        index(from, index);
        return index;
    }

    private static void index(Element e, Map<String, List<Element>> index) {
        index.computeIfAbsent(localName(e), k -> new ArrayList<>()).add(e);
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                index(child, index);
            }
        }
    }

    private static void collect(Element e, String localName, List<Element> found) {
        if (localName.equals(localName(e))) {
            found.add(e);
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                collect(child, localName, found);
            }
        }
    }
}
