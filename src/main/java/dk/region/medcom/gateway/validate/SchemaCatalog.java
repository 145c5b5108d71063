package dk.region.medcom.gateway.validate;

import dk.region.medcom.gateway.parse.xml.MessageKind;
import dk.region.medcom.gateway.parse.xml.XmlFactories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * Finds the XSD for a message kind (root namespace, letter element, VersionCode) among schema
 * roots: the gateway's own {@code schemas/} folder first, then external schema packs, later ones
 * winning for the namespaces they define. Each entry schema is compiled once and shared
 * (compiled schemas are thread-safe); includes and imports resolve only inside the roots.
 */
public final class SchemaCatalog {

    private final List<Path> roots;
    private final SchemaIndex index;
    private final Map<Path, Schema> compiled = new ConcurrentHashMap<>();

    public SchemaCatalog(List<Path> schemaRoots) {
        this.roots = List.copyOf(schemaRoots);
        this.index = SchemaIndex.scan(roots);
    }

    /** The compiled schema for a kind; empty when no root defines its namespace. */
    public Optional<Schema> schemaFor(MessageKind kind) {
        return index.entryFor(kind).map(entry -> compiled.computeIfAbsent(entry.path(), this::compile));
    }

    /** The namespaces this catalog can validate. */
    public List<String> namespaces() {
        return index.namespaces();
    }

    /** Compiles every namespace's default entry schema now, so a broken pack fails at start-up. */
    public List<String> compileAll() {
        List<String> compiledNamespaces = new ArrayList<>();
        for (String namespace : index.namespaces()) {
            if (schemaFor(new MessageKind(namespace, "", "")).isPresent()) {
                compiledNamespaces.add(namespace);
            }
        }
        return compiledNamespaces;
    }

    private Schema compile(Path entry) {
        SchemaFactory factory = XmlFactories.schemaFactory(); // not thread-safe: one per compilation
        factory.setResourceResolver(new RootConfinedResolver(roots));
        try {
            return factory.newSchema(new StreamSource(entry.toUri().toString()));
        } catch (SAXException e) {
            throw new IllegalStateException("schema " + entry + " does not compile: " + e.getMessage(), e);
        }
    }
}
