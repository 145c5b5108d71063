package dk.region.medcom.gateway.parse.xml;

import dk.region.medcom.gateway.message.Location;
import java.util.IdentityHashMap;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Where a node of a document read by {@link SafeXmlParser} sits: the line and column of its start
 * tag, and a readable XPath such as {@code /Emessage/ClinicalEmail/ClinicalInformation[2]/Text01}
 * (local names; a position only where the name repeats among siblings).
 */
public final class NodeLocations {

    private static final String KEY = "medcom.positions";

    private NodeLocations() {
    }

    /**
     * A fresh position table for one document, kept as the document's user data: one map per
     * document is far cheaper than user data on every element.
     */
    static Map<Element, Long> newTable(Document document, int expectedElements) {
        Map<Element, Long> table = new IdentityHashMap<>(expectedElements);
        document.setUserData(KEY, table, null);
        return table;
    }

    static void remember(Map<Element, Long> table, Element element, int line, int column) {
        table.put(element, ((long) line << 32) | (column & 0xFFFFFFFFL));
    }

    /** The location of a node, or of its nearest element ancestor when it is text or an attribute. */
    public static Location of(Node node) {
        Element element = nearestElement(node);
        if (element == null) {
            return Location.NONE;
        }
        Long position = positionTable(element).get(element);
        if (position == null) {
            return Location.xml(null, null, xpath(node));
        }
        return Location.xml((int) (position >>> 32), (int) (long) position, xpath(node));
    }

    @SuppressWarnings("unchecked")
    private static Map<Element, Long> positionTable(Element element) {
        Document document = element.getOwnerDocument();
        Object table = document == null ? null : document.getUserData(KEY);
        return table instanceof Map<?, ?> map ? (Map<Element, Long>) map : Map.of();
    }

    public static String xpath(Node node) {
        StringBuilder path = new StringBuilder();
        Node step = node;
        if (step != null && step.getNodeType() == Node.ATTRIBUTE_NODE) {
            path.append("/@").append(localName(step));
            step = ((org.w3c.dom.Attr) step).getOwnerElement();
        } else {
            step = nearestElement(step);
        }
        while (step != null && step.getNodeType() == Node.ELEMENT_NODE) {
            path.insert(0, "/" + localName(step) + position(step));
            step = step.getParentNode();
        }
        return path.toString();
    }

    private static Element nearestElement(Node node) {
        Node n = node;
        if (n != null && n.getNodeType() == Node.ATTRIBUTE_NODE) {
            n = ((org.w3c.dom.Attr) n).getOwnerElement();
        }
        while (n != null && n.getNodeType() != Node.ELEMENT_NODE) {
            n = n.getParentNode();
        }
        return (Element) n;
    }

    /** {@code [n]} when siblings share the element's name, else nothing. */
    private static String position(Node element) {
        String name = localName(element);
        int index = 0;
        int count = 0;
        Node parent = element.getParentNode();
        for (Node s = parent == null ? element : parent.getFirstChild(); s != null; s = s.getNextSibling()) {
            if (s.getNodeType() == Node.ELEMENT_NODE && name.equals(localName(s))) {
                count++;
                if (s == element) {
                    index = count;
                }
            }
            if (parent == null) {
                break;
            }
        }
        return count > 1 ? "[" + index + "]" : "";
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }
}
