package dk.region.medcom.gateway.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.parse.xml.XmlFactories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every element the gateway's schemas declare is documented in English and in Danish. */
class SchemaDocumentationTest {

    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    @ParameterizedTest
    @MethodSource("ownSchemas")
    void everyDeclaredElementHasEnglishAndDanishDocumentation(Path xsd) throws Exception {
        Document schema = XmlFactories.hardenedDomFactory().newDocumentBuilder().parse(xsd.toFile());
        List<String> undocumented = new ArrayList<>();
        NodeList elements = schema.getElementsByTagNameNS(XSD, "element");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (element.hasAttribute("name") && !(documented(element, "en") && documented(element, "da"))) {
                undocumented.add(element.getAttribute("name"));
            }
        }
        assertThat(undocumented).as(xsd.toString()).isEmpty();
    }

    private static boolean documented(Element element, String lang) {
        for (Element annotation : children(element, "annotation")) {
            for (Element doc : children(annotation, "documentation")) {
                if (lang.equals(doc.getAttributeNS(XMLConstants.XML_NS_URI, "lang")) && !doc.getTextContent().isBlank()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && XSD.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    static Stream<Path> ownSchemas() throws Exception {
        return Files.walk(Fixtures.SCHEMAS).filter(p -> p.toString().endsWith(".xsd")).sorted();
    }
}
