package dk.region.medcom.gateway.parse.xml;

import dk.region.medcom.gateway.message.TypedLetter;
import jakarta.xml.bind.Binder;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.annotation.XmlSchema;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a letter into the JAXB classes generated at build time from schemas/ (one package per
 * namespace: the common/ building blocks are chameleon includes), from the DOM parse already built:
 * the bytes are never parsed twice. A JAXB {@link Binder} keeps each object's element, so findings
 * still carry line and column. Lenient on purpose: a letter the schema refuses is bound as far as it
 * goes (or not at all) and the schema check reports it.
 */
public final class LetterBinder {

    private static final Map<String, Class<?>> FACTORIES = Map.of(
            namespaceOf(dk.region.medcom.gateway.message.medcom2005.ObjectFactory.class),
            dk.region.medcom.gateway.message.medcom2005.ObjectFactory.class,
            namespaceOf(dk.region.medcom.gateway.message.medcom2006.ObjectFactory.class),
            dk.region.medcom.gateway.message.medcom2006.ObjectFactory.class,
            namespaceOf(dk.region.medcom.gateway.message.medcom2017.ObjectFactory.class),
            dk.region.medcom.gateway.message.medcom2017.ObjectFactory.class,
            namespaceOf(dk.region.medcom.gateway.message.municipality104.ObjectFactory.class),
            dk.region.medcom.gateway.message.municipality104.ObjectFactory.class);

    /** A JAXBContext is thread-safe and costly to build (classes reflected): one per namespace, on first use. */
    private static final Map<String, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();

    private LetterBinder() {
    }

    /** The first letter under Emessage, typed; {@link TypedLetter#NONE} when it cannot be. */
    public static TypedLetter bind(Document document) {
        Element root = document.getDocumentElement();
        return root == null ? TypedLetter.NONE : bind(MessageKind.letterElement(root));
    }

    /** This letter element (MunicipalReferral, ClinicalEmail, ...), typed by its namespace's classes. */
    public static TypedLetter bind(Element letter) {
        if (letter == null || letter.getNamespaceURI() == null || !FACTORIES.containsKey(letter.getNamespaceURI())) {
            return TypedLetter.NONE;
        }
        try {
            Binder<Node> binder = context(letter.getNamespaceURI()).createBinder();
            binder.setEventHandler(event -> true); // unknown elements, bad values: the schema check's to report
            Object value = binder.unmarshal(letter);
            return new TypedLetter(value instanceof JAXBElement<?> element ? element.getValue() : value, binder);
        } catch (JAXBException | RuntimeException e) {
            return TypedLetter.NONE; // not bindable (e.g. no such letter in the namespace): the rules that need it stay silent
        }
    }

    private static JAXBContext context(String namespace) {
        return CONTEXTS.computeIfAbsent(namespace, ns -> {
            try {
                return JAXBContext.newInstance(FACTORIES.get(ns));
            } catch (JAXBException e) {
                throw new IllegalStateException("the generated JAXB classes for " + ns + " do not load", e);
            }
        });
    }

    private static String namespaceOf(Class<?> objectFactory) {
        return objectFactory.getPackage().getAnnotation(XmlSchema.class).namespace();
    }
}
