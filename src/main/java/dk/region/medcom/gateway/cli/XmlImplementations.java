package dk.region.medcom.gateway.cli;

import java.util.Map;

/**
 * Names the XML implementations the tester's verbs use, as system properties, so that JAXP does not
 * look them up. The lookup reads META-INF/services of every jar on the class path: the CLI shares
 * the gateway's 200 jars and opened them all for it, a fifth of a small file's time. The names are
 * exactly what the lookup finds (XmlImplementationsTests checks that): Woodstox for StAX, the JDK's
 * own for the rest. A property the user set wins.
 */
final class XmlImplementations {

    static final Map<String, String> FOUND_BY_LOOKUP = Map.of(
            "javax.xml.stream.XMLInputFactory", "com.ctc.wstx.stax.WstxInputFactory",
            "javax.xml.stream.XMLOutputFactory", "com.ctc.wstx.stax.WstxOutputFactory",
            "javax.xml.parsers.DocumentBuilderFactory", "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl",
            "javax.xml.parsers.SAXParserFactory", "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl",
            "javax.xml.transform.TransformerFactory", "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl",
            "javax.xml.validation.SchemaFactory:http://www.w3.org/2001/XMLSchema",
            "com.sun.org.apache.xerces.internal.jaxp.validation.XMLSchemaFactory");

    private XmlImplementations() {
    }

    static void pin() {
        FOUND_BY_LOOKUP.forEach((property, implementation) -> {
            if (System.getProperty(property) == null) {
                System.setProperty(property, implementation);
            }
        });
    }
}
