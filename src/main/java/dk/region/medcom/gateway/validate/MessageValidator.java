package dk.region.medcom.gateway.validate;

import dk.region.medcom.gateway.parse.xml.MessageKind;
import dk.region.medcom.gateway.validate.rules.ValidationCode;
import dk.region.medcom.gateway.validate.rules.BusinessRule;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.PatientFacts;
import dk.region.medcom.gateway.message.TypedLetter;
import dk.region.medcom.gateway.parse.xml.SafeXmlParser;
import dk.region.medcom.gateway.parse.xml.UnreadableXmlException;
import dk.region.medcom.gateway.validate.rules.StandardRules;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.validation.Schema;
import org.w3c.dom.Document;

/**
 * The validate stage's facade: reads a MedCom XML message safely, checks it against the schema
 * for its kind, then runs the business rules. Never throws for bad input: unreadable XML, an
 * unknown kind and schema violations all come back as ERROR findings. Thread-safe; plain Java.
 * (It throws only for a fault of the gateway itself, such as one of its own schemas not compiling.)
 */
public final class MessageValidator {

    private final SchemaCatalog catalog;
    private final SafeXmlParser parser;
    private final List<BusinessRule> rules;

    public MessageValidator(SchemaCatalog catalog, SafeXmlParser parser, List<BusinessRule> rules) {
        this.catalog = catalog;
        this.parser = parser;
        this.rules = List.copyOf(rules);
    }

    /**
     * The gateway's own schemas, a 10 MB limit and the standard rules with their default settings.
     * Each schema is compiled when a message first needs it: the CLI validates one file and should
     * not pay for compiling every schema (a broken one fails when it is used).
     */
    public static MessageValidator withDefaults(Path schemasDir) {
        return lazy(ValidateProperties.defaults().withSchemasDir(schemasDir), Clock.systemDefaultZone());
    }

    /** A validator configured as {@code gateway.validate.*} says: own schemas, then the schema packs. */
    public static MessageValidator from(ValidateProperties properties, Clock clock) {
        MessageValidator validator = lazy(properties, clock);
        validator.catalog.compileAll(); // a broken schema fails at start-up, not on the first message
        return validator;
    }

    /** As {@link #from}, compiling no schema yet; {@link #compileAllSchemas()} does that. */
    public static MessageValidator lazy(ValidateProperties properties, Clock clock) {
        List<Path> roots = new ArrayList<>();
        roots.add(properties.schemasDir());
        roots.addAll(properties.schemaPacks());
        return new MessageValidator(new SchemaCatalog(roots), new SafeXmlParser(properties.maxMessageBytes()),
                StandardRules.create(properties.glnCheckSeverity(), properties.futureDateTolerance(), clock));
    }

    /** Compiles every namespace's schema now; throws when one does not compile. */
    public void compileAllSchemas() {
        catalog.compileAll();
    }

    public ValidationReport validate(byte[] xml) {
        try {
            return validate(parser.parse(xml));
        } catch (UnreadableXmlException e) {
            return new ValidationReport(MessageKind.UNKNOWN, List.of(e.finding()));
        }
    }

    /** Validates a document already read by {@link SafeXmlParser} (so findings have line numbers). */
    public ValidationReport validate(Document document) {
        return validate(document, null, null);
    }

    /**
     * As {@link #validate(Document)}, with the patient facts and typed letter parse already read from
     * the document (null: read them here), so the rules see the one reading the whole pipeline shares.
     */
    public ValidationReport validate(Document document, PatientFacts patient, TypedLetter typedLetter) {
        MessageKind kind = MessageKind.of(document);
        List<Finding> findings = new ArrayList<>();
        Optional<Schema> schema = catalog.schemaFor(kind);
        if (schema.isEmpty()) {
            findings.add(ValidationCode.UNKNOWN_KIND.at(document.getDocumentElement(), kind.toString()));
        } else {
            findings.addAll(SchemaCheck.check(schema.get(), document));
        }
        for (ParsedMessage letter : ParsedMessage.perLetter(document, patient, typedLetter)) {
            for (BusinessRule rule : rules) {
                findings.addAll(safely(rule, letter));
            }
        }
        // envelope-level findings (e.g. a future Sent date) come once per letter: keep one
        return new ValidationReport(kind, findings.stream().distinct().toList());
    }

    private static List<Finding> safely(BusinessRule rule, ParsedMessage message) {
        try {
            return rule.check(message);
        } catch (RuntimeException e) {
            // a rule bug must not pass a message unchecked, nor crash the pipeline
            return List.of(ValidationCode.RULE_FAILED.at(Location.NONE, ValidationCode.RULE_FAILED.severity(),
                    rule.getClass().getSimpleName()));
        }
    }
}
