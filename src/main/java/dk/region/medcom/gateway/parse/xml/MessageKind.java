package dk.region.medcom.gateway.parse.xml;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a MedCom XML message is: the root namespace, the letter element under {@code Emessage}
 * (e.g. {@code ClinicalEmail}) and the letter's VersionCode (e.g. {@code XD9134L}). These three
 * pick the schema. Unknown parts are empty strings, never null.
 */
public record MessageKind(String namespace, String rootElement, String versionCode) {

    public static final MessageKind UNKNOWN = new MessageKind("", "", "");

    public static final String EMESSAGE = "Emessage";

    public MessageKind {
        namespace = namespace == null ? "" : namespace;
        rootElement = rootElement == null ? "" : rootElement;
        versionCode = versionCode == null ? "" : versionCode;
    }

    /** Reads the kind from a parsed message (its first letter); a root other than Emessage is taken as the letter itself. */
    public static MessageKind of(Document document) {
        Element root = document.getDocumentElement();
        Element letter = root == null ? null : letterElement(root);
        return letter == null ? (root == null ? UNKNOWN : new MessageKind(root.getNamespaceURI(), "", "")) : ofLetter(root, letter);
    }

    static MessageKind ofLetter(Element root, Element letter) {
        Element letterHeader = Dom.child(letter, "Letter");
        Element version = letterHeader == null ? null : Dom.child(letterHeader, "VersionCode");
        String versionCode = version == null ? "" : version.getTextContent().trim();
        return new MessageKind(root.getNamespaceURI(), Dom.localName(letter), versionCode);
    }

    /** The first letter element (see {@link #letterElements}), or null. */
    static Element letterElement(Element root) {
        List<Element> letters = letterElements(root);
        return letters.isEmpty() ? null : letters.get(0);
    }

    /** The elements under Emessage that are not the Envelope, or the root itself when it is not an Emessage. */
    static List<Element> letterElements(Element root) {
        if (!EMESSAGE.equals(Dom.localName(root))) {
            return List.of(root);
        }
        List<Element> letters = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !"Envelope".equals(Dom.localName(e))) {
                letters.add(e);
            }
        }
        return letters;
    }

    public boolean isKnown() {
        return !rootElement.isEmpty();
    }

    @Override
    public String toString() {
        return rootElement + " " + versionCode + " {" + namespace + "}";
    }
}
