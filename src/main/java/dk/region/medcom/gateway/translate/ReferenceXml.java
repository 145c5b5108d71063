package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Phrase;
import java.util.List;

/**
 * References on the XML side: {@code Reference} elements (MedCom's Reference.xsd, identical in
 * 2005/08/07 and 2006/07/01) read with DIS91's limits and written in schema order.
 */
final class ReferenceXml {

    private ReferenceXml() {
    }

    /** Reads one {@code Reference} element, reporting what EDIFACT cannot carry. */
    static Reference readOne(XmlElement element, MappingData mapping, List<Finding> findings) {
        Reference reference = new Reference();
        reference.description = text(element, "RefDescription", Reference.DESCRIPTION_LENGTH, findings);
        XmlElement url = element.child("URL");
        XmlElement binary = element.child("BIN");
        if (url != null) {
            reference.kind = Reference.Kind.URL;
            reference.url = text(element, "URL", Reference.URL_LENGTH, findings);
            if (reference.url != null && reference.url.length() > ReferenceEdifact.URL_EDIFACT_LENGTH) {
                // four FTX text lines hold less than the XSD's 350 characters
                findings.add(TranslationRule.TOO_LONG.at(url, new Phrase(url.path() + " (in FTX+URL)", url.path() + " (i FTX+URL)"),
                        ReferenceEdifact.URL_EDIFACT_LENGTH));
            }
        } else if (binary != null) {
            reference.kind = Reference.Kind.BIN;
            reference.objectIdentifier = text(binary, "ObjectIdentifier", Reference.OBJECT_IDENTIFIER_LENGTH, findings);
            reference.objectCode = coded(binary, "ObjectCode", mapping.objectCodes, findings);
            reference.objectExtensionCode = coded(binary, "ObjectExtensionCode", mapping.objectExtensionCodes, findings);
            reference.originalObjectSize = text(binary, "OriginalObjectSize", Integer.MAX_VALUE, findings);
            if (reference.originalObjectSize != null && !Reference.isPositiveInteger(reference.originalObjectSize)) {
                findings.add(TranslationRule.NOT_POSITIVE_INTEGER.at(binary.child("OriginalObjectSize"), binary.path() + "/OriginalObjectSize"));
            }
        } else if (element.child("SUP") != null) {
            reference.kind = Reference.Kind.SUP;
        } else {
            findings.add(TranslationRule.MISSING.at(element, element.path() + "/URL, SUP or BIN"));
            reference.kind = Reference.Kind.SUP;
        }
        return reference;
    }

    private static String text(XmlElement parent, String name, int maxLength, List<Finding> findings) {
        XmlElement child = parent.child(name);
        if (child == null || child.text().isEmpty()) {
            findings.add(TranslationRule.MISSING.at(child == null ? parent : child, parent.path() + "/" + name));
            return null;
        }
        if (child.text().length() > maxLength) {
            findings.add(TranslationRule.TOO_LONG.at(child, child.path(), maxLength));
        }
        return child.text();
    }

    private static String coded(XmlElement parent, String name, CodeList list, List<Finding> findings) {
        String value = text(parent, name, Integer.MAX_VALUE, findings);
        if (value != null && list.toEdifact(value) == null) {
            findings.add(TranslationRule.CODE_UNKNOWN.at(parent.child(name), name, list.name()));
        }
        return value;
    }

    static void write(List<Reference> references, XmlOut out) {
        for (Reference reference : references) {
            out.start("Reference").element("RefDescription", reference.description);
            switch (reference.kind) {
                case URL -> out.element("URL", reference.url);
                case SUP -> out.element("SUP", "true");
                case BIN -> out.start("BIN")
                        .element("ObjectIdentifier", reference.objectIdentifier)
                        .element("ObjectCode", reference.objectCode)
                        .element("ObjectExtensionCode", reference.objectExtensionCode)
                        .element("OriginalObjectSize", reference.originalObjectSize)
                        .end("BIN");
            }
            out.end("Reference");
        }
    }
}
