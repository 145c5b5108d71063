package dk.region.medcom.gateway.parse.xml;

import dk.region.medcom.gateway.message.PatientFacts;
import dk.region.medcom.gateway.message.TypedLetter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A readable message as business rules see it: its kind, its DOM, and walks by local name from
 * the letter element (e.g. {@code find("Consent", "ConsentGiven")}), and the patient facts read
 * once at parse ({@link #patient()}: rules never look for the CPR number or municipality again).
 * Rules only read. One instance serves one validation on one thread. Rules that span namespaces walk
 * the DOM: the generated JAXB classes ({@link #typed()}) are one package per namespace and share no types.
 */
public final class ParsedMessage {

    private final Document document;
    private final MessageKind kind;
    private final Element letter;
    private final PatientFacts patient;
    private TypedLetter typed; // as parse bound it, else bound here on first use
    private Map<String, List<Element>> byName; // built on first use; a ParsedMessage serves one thread

    /** The message as seen from its first letter. */
    public ParsedMessage(Document document) {
        this(document, document.getDocumentElement() == null ? null : MessageKind.letterElement(document.getDocumentElement()));
    }

    /** The message as seen from one of its letters (an Emessage may carry several). */
    public ParsedMessage(Document document, Element letter) {
        this(document, letter, PatientReader.read(letter));
    }

    /** As seen from one letter, with its patient facts as parse read them. */
    public ParsedMessage(Document document, Element letter, PatientFacts patient) {
        this(document, letter, patient, null);
    }

    /** As seen from one letter, with its patient facts and typed letter as parse read them (null: read here). */
    public ParsedMessage(Document document, Element letter, PatientFacts patient, TypedLetter typed) {
        this.document = document;
        this.letter = letter;
        this.patient = patient;
        this.typed = typed;
        this.kind = letter == null ? MessageKind.UNKNOWN : MessageKind.ofLetter(document.getDocumentElement(), letter);
    }

    /** One view per letter under Emessage, in document order (one view when the root is the letter). */
    public static List<ParsedMessage> perLetter(Document document) {
        return perLetter(document, null);
    }

    /**
     * As {@link #perLetter(Document)}, the first letter with the patient facts parse already read
     * (null: read them here); a further letter, refused at parse anyway, has its own read.
     */
    public static List<ParsedMessage> perLetter(Document document, PatientFacts firstLetterPatient) {
        return perLetter(document, firstLetterPatient, null);
    }

    /** As {@link #perLetter(Document, PatientFacts)}, the first letter also with the typed letter parse bound. */
    public static List<ParsedMessage> perLetter(Document document, PatientFacts firstLetterPatient,
                                                TypedLetter firstLetterTyped) {
        Element root = document.getDocumentElement();
        if (root == null) {
            return List.of(new ParsedMessage(document, null, PatientFacts.NONE));
        }
        List<ParsedMessage> views = new ArrayList<>();
        for (Element letter : MessageKind.letterElements(root)) {
            boolean first = views.isEmpty();
            PatientFacts patient = first && firstLetterPatient != null ? firstLetterPatient : PatientReader.read(letter);
            views.add(new ParsedMessage(document, letter, patient, first ? firstLetterTyped : null));
        }
        return views.isEmpty() ? List.of(new ParsedMessage(document, null)) : views;
    }

    public Document document() {
        return document;
    }

    public MessageKind kind() {
        return kind;
    }

    /** The letter element (ClinicalEmail, MunicipalReferral, ...), empty when the message has none. */
    public Optional<Element> letter() {
        return Optional.ofNullable(letter);
    }

    /** The letter's patient: CPR number, birth date, sex, residence municipality, postcode. */
    public PatientFacts patient() {
        return patient;
    }

    /**
     * The letter read into its namespace's generated JAXB classes (e.g. {@code medcom2017.MunicipalReferral}),
     * bound to this DOM; parse's binding when it passed one, else bound once here.
     */
    public TypedLetter typed() {
        if (typed == null) {
            typed = letter == null ? TypedLetter.NONE : LetterBinder.bind(letter);
        }
        return typed;
    }

    /** The Envelope element under Emessage, empty when the message has none. */
    public Optional<Element> envelope() {
        Element root = document.getDocumentElement();
        return root == null ? Optional.empty() : Optional.ofNullable(Dom.child(root, "Envelope"));
    }

    /** True when the letter element has this local name (e.g. MunicipalReferral). */
    public boolean isLetter(String localName) {
        return localName.equals(kind.rootElement());
    }

    /** The first element along a path of local names below the letter. */
    public Optional<Element> find(String... path) {
        List<Element> all = findAll(path);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every element along a path of local names below the letter, in document order. */
    public List<Element> findAll(String... path) {
        List<Element> level = letter == null ? List.of() : List.of(letter);
        for (String step : path) {
            List<Element> next = new ArrayList<>();
            for (Element e : level) {
                next.addAll(Dom.children(e, step));
            }
            level = next;
        }
        return level;
    }

    /** The trimmed text of the first element along the path, empty when absent or blank. */
    public Optional<String> text(String... path) {
        return find(path).map(e -> e.getTextContent().trim()).filter(t -> !t.isEmpty());
    }

    /** Every element with this local name anywhere below (and including) the letter, in document order. */
    public List<Element> descendants(String localName) {
        if (byName == null) {
            byName = letter == null ? Map.of() : Dom.indexByLocalName(letter); // one walk shared by all rules
        }
        return byName.getOrDefault(localName, List.of());
    }

    /** Every element with this local name at or below {@code from}. */
    public static List<Element> descendantsOf(Element from, String localName) {
        return Dom.descendants(from, localName);
    }

    public static String textOf(Element element) {
        return element.getTextContent().trim();
    }

    public static Optional<Element> child(Element parent, String localName) {
        return Optional.ofNullable(Dom.child(parent, localName));
    }
}
