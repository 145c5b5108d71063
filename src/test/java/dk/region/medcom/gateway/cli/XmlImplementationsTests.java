package dk.region.medcom.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;

/** The pinned names must be what JAXP's own lookup finds on this class path. */
class XmlImplementationsTests {

    @Test
    void pinnedImplementationsAreTheOnesTheLookupFinds() {
        Map<String, Supplier<Object>> lookups = Map.of(
                "javax.xml.stream.XMLInputFactory", XMLInputFactory::newFactory,
                "javax.xml.stream.XMLOutputFactory", XMLOutputFactory::newFactory,
                "javax.xml.parsers.DocumentBuilderFactory", DocumentBuilderFactory::newInstance,
                "javax.xml.parsers.SAXParserFactory", SAXParserFactory::newInstance,
                "javax.xml.transform.TransformerFactory", TransformerFactory::newInstance,
                "javax.xml.validation.SchemaFactory:http://www.w3.org/2001/XMLSchema",
                () -> SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI));

        assertThat(lookups.keySet()).isEqualTo(XmlImplementations.FOUND_BY_LOOKUP.keySet());
        lookups.forEach((property, lookup) -> {
            String pinned = System.clearProperty(property); // a CLI test in this JVM may have pinned it
            try {
                assertThat(lookup.get().getClass().getName()).as(property)
                        .isEqualTo(XmlImplementations.FOUND_BY_LOOKUP.get(property));
            } finally {
                if (pinned != null) {
                    System.setProperty(property, pinned);
                }
            }
        });
    }

    @Test
    void noOtherJarProvidesAnXmlParser() {
        assertThat(ServiceLoader.load(DocumentBuilderFactory.class).findFirst()).isEmpty();
        assertThat(ServiceLoader.load(SchemaFactory.class).findFirst()).isEmpty();
    }
}
