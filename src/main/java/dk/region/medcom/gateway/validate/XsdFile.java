package dk.region.medcom.gateway.validate;

import dk.region.medcom.gateway.parse.xml.XmlFactories;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** One XSD file as the catalog indexes it: its target namespace and its top-level element names. */
record XsdFile(Path path, String targetNamespace, Set<String> topLevelElements) {

    private static final XMLInputFactory STAX = XmlFactories.hardenedStaxFactory();

    static XsdFile read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            XMLStreamReader reader = STAX.createXMLStreamReader(in);
            try {
                String namespace = "";
                Set<String> elements = new HashSet<>();
                int depth = 0;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamReader.START_ELEMENT) {
                        depth++;
                        boolean xsd = XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(reader.getNamespaceURI());
                        if (depth == 1 && xsd && "schema".equals(reader.getLocalName())) {
                            String tns = reader.getAttributeValue(null, "targetNamespace");
                            namespace = tns == null ? "" : tns;
                        } else if (depth == 2 && xsd && "element".equals(reader.getLocalName())) {
                            elements.add(reader.getAttributeValue(null, "name"));
                        }
                    } else if (event == XMLStreamReader.END_ELEMENT) {
                        depth--;
                    }
                }
                return new XsdFile(path, namespace, Set.copyOf(elements));
            } finally {
                reader.close();
            }
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("cannot read schema " + path + ": " + e.getMessage(), e);
        }
    }

    boolean declares(String elementName) {
        return topLevelElements.contains(elementName);
    }

    /** The file name without {@code .xsd}, compared with a VersionCode. */
    String baseName() {
        String name = path.getFileName().toString();
        return name.substring(0, name.length() - 4);
    }
}
