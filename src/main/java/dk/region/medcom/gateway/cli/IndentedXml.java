package dk.region.medcom.gateway.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The translator's XML (one line) indented for a person to read. Only elements that hold nothing
 * but elements are indented; free text keeps its content exactly, because whitespace added there
 * would become part of the text: an element with any text of its own, and one holding MedCom's
 * text markup ({@code <Break/>}, {@code <Bold>}, ... as in {@code mapping/text-formats.csv}).
 * The JDK's own {@code indent} output property does not keep that apart, hence this.
 */
final class IndentedXml {

    private static final String STEP = "  ";

    // MedCom's free-text markup (FreeTextXml): an element holding one of these is text
    private static final Set<String> TEXT_MARKUP = Set.of("Break", "Bold", "Italic", "Underline", "Right", "Center",
            "FixedFont");

    private IndentedXml() {
    }

    /** UTF-8 XML indented; the input as it is if it cannot be read (the caller made it, so it should). */
    static byte[] of(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            document.setXmlStandalone(true);
            indent(document.getDocumentElement(), 1);

            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            // the JDK writes the declaration and the root element on one line: write it here instead
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream(xml.length * 2);
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8));
            transformer.transform(new DOMSource(document), new StreamResult(out));
            out.write('\n');
            return out.toByteArray();
        } catch (ParserConfigurationException | SAXException | IOException | TransformerException e) {
            return xml;
        }
    }

    private static void indent(Element element, int depth) {
        List<Node> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                // text of its own, even a space between two elements (the translator writes none that
                // does not count): leave every character of the content as it is
                return;
            } else if (TEXT_MARKUP.contains(child.getLocalName())) {
                return;
            } else {
                children.add(child);
            }
        }
        if (children.isEmpty()) {
            return;
        }
        while (element.getFirstChild() != null) {
            element.removeChild(element.getFirstChild());
        }
        Document document = element.getOwnerDocument();
        for (Node child : children) {
            element.appendChild(document.createTextNode("\n" + STEP.repeat(depth)));
            element.appendChild(child);
            if (child instanceof Element childElement) {
                indent(childElement, depth + 1);
            }
        }
        element.appendChild(document.createTextNode("\n" + STEP.repeat(depth - 1)));
    }
}
