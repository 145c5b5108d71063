package dk.region.medcom.gateway.validate;

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

    static final String EMESSAGE = "Emessage";

    public MessageKind {
        namespace = namespace == null ? "" : namespace;
        rootElement = rootElement == null ? "" : rootElement;
        versionCode = versionCode == null ? "" : versionCode;
    }

    /** Reads the kind from a parsed message; a root other than Emessage is taken as the letter itself. */
    public static MessageKind of(Document document) {
        Element root = document.getDocumentElement();
        if (root == null) {
            return UNKNOWN;
        }
        Element letter = letterElement(root);
        String versionCode = "";
        Element letterHeader = letter == null ? null : Dom.child(letter, "Letter");
        Element version = letterHeader == null ? null : Dom.child(letterHeader, "VersionCode");
        if (version != null) {
            versionCode = version.getTextContent().trim();
        }
        return new MessageKind(root.getNamespaceURI(), letter == null ? "" : Dom.localName(letter), versionCode);
    }

    /** The first element under Emessage that is not the Envelope (or the root when it is not an Emessage). */
    static Element letterElement(Element root) {
        if (!EMESSAGE.equals(Dom.localName(root))) {
            return root;
        }
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !"Envelope".equals(Dom.localName(e))) {
                return e;
            }
        }
        return null;
    }

    public boolean isKnown() {
        return !rootElement.isEmpty();
    }

    @Override
    public String toString() {
        return rootElement + " " + versionCode + " {" + namespace + "}";
    }
}
