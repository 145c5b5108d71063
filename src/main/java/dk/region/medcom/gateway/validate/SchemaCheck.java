package dk.region.medcom.gateway.validate;

import dk.region.medcom.gateway.parse.xml.Dom;
import dk.region.medcom.gateway.validate.rules.ValidationCode;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.Severity;
import dk.region.medcom.gateway.parse.xml.NodeLocations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates a parsed DOM against a compiled schema. A DOM has no line numbers of its own, so
 * each error is placed at the element the validator is on (Xerces' current-element-node
 * property), whose start-tag position the parser remembered.
 */
final class SchemaCheck {

    static final int MAX_FINDINGS = 50;
    private static final String CURRENT_ELEMENT = "http://apache.org/xml/properties/dom/current-element-node";

    private SchemaCheck() {
    }

    /** Validators are not thread-safe but cheap to reuse: one per schema per thread. */
    private static final ThreadLocal<Map<Schema, Validator>> VALIDATORS = ThreadLocal.withInitial(IdentityHashMap::new);

    static List<Finding> check(Schema schema, Document document) {
        Validator validator = VALIDATORS.get().computeIfAbsent(schema, SchemaCheck::newValidator);
        Collector collector = new Collector(validator);
        validator.setErrorHandler(collector);
        try {
            validator.validate(new DOMSource(document));
        } catch (SAXException | IOException | RuntimeException e) {
            VALIDATORS.get().remove(schema); // not reused after an unexpected failure
            if (collector.findings.size() <= MAX_FINDINGS) {
                collector.add(e instanceof SAXParseException p ? p : new SAXParseException(e.getMessage(), null));
            }
        }
        validator.setErrorHandler(null); // drop the collector (and with it the document) until next time
        return collector.findings;
    }

    private static Validator newValidator(Schema schema) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("validator cannot be hardened", e);
        }
        return validator;
    }

    private static final class Collector implements ErrorHandler {
        private final Validator validator;
        private final List<Finding> findings = new ArrayList<>();

        Collector(Validator validator) {
            this.validator = validator;
        }

        @Override
        public void warning(SAXParseException e) {
            // schema warnings are not about the message
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            add(e);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            add(e);
        }

        void add(SAXParseException e) {
            if (restatesPreviousError(e.getMessage())) {
                return;
            }
            if (findings.size() == MAX_FINDINGS) {
                findings.add(ValidationCode.SCHEMA_TOO_MANY_ERRORS.at(Location.NONE, Severity.ERROR, MAX_FINDINGS));
                return;
            }
            if (findings.size() > MAX_FINDINGS) {
                return;
            }
            Node element = currentElement();
            Location location = element == null ? Location.NONE : NodeLocations.of(element);
            String name = element == null ? "?" : Dom.localName(element);
            String english = SchemaMessages.sanitise(e.getMessage());
            // a version the schema does not know is a version problem (VER), not a syntax error
            ValidationCode code = "VersionCode".equals(name) ? ValidationCode.SCHEMA_VERSION : ValidationCode.SCHEMA_INVALID;
            String subject = code == ValidationCode.SCHEMA_VERSION ? letterName(element) : name;
            findings.add(code.at(location,
                    new Object[] {subject, english}, new Object[] {subject, SchemaMessages.danish(english)}));
        }

        /** Xerces follows each facet error with a generic "value is not valid" one for the same element. */
        private static boolean restatesPreviousError(String message) {
            return message != null && (message.startsWith("cvc-type.3.1.3") || message.startsWith("cvc-attribute.3"));
        }

        /** The letter a Letter/VersionCode belongs to, e.g. ClinicalEmail. */
        private static String letterName(Node versionCode) {
            Node header = versionCode.getParentNode();
            Node letter = header == null ? null : header.getParentNode();
            return letter == null ? "?" : Dom.localName(letter);
        }

        private Node currentElement() {
            try {
                return (Node) validator.getProperty(CURRENT_ELEMENT);
            } catch (SAXException | RuntimeException e) {
                return null;
            }
        }
    }
}
