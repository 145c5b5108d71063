package dk.region.medcom.gateway.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.parse.xml.XmlFactories;
import dk.region.medcom.gateway.testing.MedcomConformance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Test helpers around MedCom's conformance material, read in place from {@code ../shared/conformance}
 * (tests that need it are marked {@link MedcomConformance}):
 * XML comparison (namespace, element names, order and text; indentation and declaration aside),
 * XSD validation with the schema of the output's namespace, and EDIFACT segment comparison.
 */
final class Conformance {

    static final Path ROOT = MedcomConformance.ROOT;
    static final Path VECTORS = ROOT.resolve("vectors");
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private Conformance() {
    }

    static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document parse(byte[] xml) {
        try {
            return XmlFactories.hardenedDomFactory().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML", e);
        }
    }

    /** The document as a list of lines {@code {ns}path = text}, element by element in order: easy to diff in a failure. */
    static List<String> outline(byte[] xml) {
        List<String> lines = new ArrayList<>();
        outline(parse(xml).getDocumentElement(), "", lines);
        return lines;
    }

    private static void outline(Element element, String parentPath, List<String> lines) {
        String path = parentPath + "/" + element.getLocalName();
        lines.add("{" + element.getNamespaceURI() + "}" + path);
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                flushText(path, text, lines);
                outline((Element) child, path, lines);
            }
        }
        flushText(path, text, lines);
    }

    private static void flushText(String path, StringBuilder text, List<String> lines) {
        if (!text.toString().isBlank()) {
            lines.add(path + " = " + text);
        }
        text.setLength(0);
    }

    /**
     * Validates against EMessage.xsd of the folder the document's namespace names: MedCom's own
     * schema where {@code ../shared/conformance} is, else the project's own copy under
     * {@code schemas/medcom/} (a user's clone), which the gateway validates with.
     */
    static void assertValid(byte[] xml) {
        String namespace = parse(xml).getDocumentElement().getNamespaceURI();
        String folder = namespace.substring(namespace.indexOf("/schemas/") + "/schemas/".length());
        Schema schema = SCHEMAS.computeIfAbsent(folder, f -> {
            Path xsd = Files.isDirectory(ROOT)
                    ? ROOT.resolve("medcom-schemas").resolve(f).resolve("EMessage.xsd")
                    : Paths.get("schemas", "medcom", f.replaceAll("/+$", "").replace('/', '-'), "EMessage.xsd");
            try {
                return XmlFactories.schemaFactory().newSchema(xsd.toFile());
            } catch (Exception e) {
                throw new IllegalStateException("cannot compile MedCom schema " + f, e);
            }
        });
        try {
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            throw new AssertionError("not valid against MedCom's XSD: " + e.getMessage(), e);
        }
    }

    /** The segments of an interchange, UNA and line breaks aside. */
    static List<String> segments(byte[] edifact) {
        String text = new String(edifact, StandardCharsets.ISO_8859_1).replace("\r", "").replace("\n", "");
        if (text.startsWith("UNA")) {
            text = text.substring(9);
        }
        List<String> segments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '?') {
                i++;
            } else if (text.charAt(i) == '\'') {
                segments.add(text.substring(start, i));
                start = i + 1;
            }
        }
        assertThat(text.substring(start)).as("data after the last segment").isEmpty();
        return segments;
    }
}
