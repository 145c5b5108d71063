package dk.region.medcom.gateway.translate;

import java.util.ArrayList;
import java.util.List;

/**
 * A light, read-only element tree for one MedCom letter: names, text and mixed content in order,
 * plus the line and column for findings. Cheaper than DOM and enough for mapping.
 */
final class XmlElement {

    private final String namespace;
    private final String name;
    private final XmlElement parent;
    private final int line;
    private final int column;
    /** Text (String) and child elements (XmlElement) in document order. */
    final List<Object> content = new ArrayList<>(4);

    XmlElement(String namespace, String name, XmlElement parent, int line, int column) {
        this.namespace = namespace;
        this.name = name;
        this.parent = parent;
        this.line = line;
        this.column = column;
    }

    String namespace() {
        return namespace;
    }

    String name() {
        return name;
    }

    XmlElement parent() {
        return parent;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    /**
     * Set by the mapping engine when the element's text went into a segment (or is the envelope's):
     * what is left unset would be lost, and is reported. One translation owns the tree.
     */
    boolean carried;

    /** The first child element with this name, or null. */
    XmlElement child(String childName) {
        for (Object item : content) {
            if (item instanceof XmlElement e && e.name.equals(childName)) {
                return e;
            }
        }
        return null;
    }

    /** Each child element, in order, without making a list. */
    void forEachChild(java.util.function.Consumer<XmlElement> action) {
        for (Object item : content) {
            if (item instanceof XmlElement e) {
                action.accept(e);
            }
        }
    }

    /** Whether {@link #text()} is not empty, without making it. */
    boolean hasText() {
        for (Object item : content) {
            if (item instanceof String s) {
                for (int i = 0; i < s.length(); i++) {
                    if (s.charAt(i) > ' ') {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    List<XmlElement> children(String childName) {
        List<XmlElement> found = new ArrayList<>();
        for (Object item : content) {
            if (item instanceof XmlElement e && (childName == null || e.name.equals(childName))) {
                found.add(e);
            }
        }
        return found;
    }

    /** The element's own text, trimmed: for simple-typed elements. */
    String text() {
        if (content.size() == 1 && content.get(0) instanceof String only) {
            return only.trim(); // the common case: no builder
        }
        StringBuilder sb = new StringBuilder();
        for (Object item : content) {
            if (item instanceof String s) {
                sb.append(s);
            }
        }
        return sb.toString().trim();
    }

    /** The trimmed text of child {@code childName}, or null when there is no such child. */
    String text(String childName) {
        XmlElement child = child(childName);
        return child == null ? null : child.text();
    }

    /** An XPath-like place for findings, e.g. {@code /Emessage/ClinicalEmail/Patient}. */
    String path() {
        return (parent == null ? "" : parent.path()) + "/" + name;
    }
}
