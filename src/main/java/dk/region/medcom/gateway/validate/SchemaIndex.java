package dk.region.medcom.gateway.validate;

import dk.region.medcom.gateway.parse.xml.MessageKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which XSD files define which namespace, over a list of schema roots. A namespace belongs wholly
 * to the last root that defines it, so an external pack replaces the gateway's own schemas for
 * its namespaces and leaves the others alone.
 */
final class SchemaIndex {

    private final Map<String, List<XsdFile>> byNamespace;

    private SchemaIndex(Map<String, List<XsdFile>> byNamespace) {
        this.byNamespace = byNamespace;
    }

    static SchemaIndex scan(List<Path> roots) {
        Map<String, List<XsdFile>> winner = new LinkedHashMap<>();
        for (Path root : roots) {
            Map<String, List<XsdFile>> inRoot = new HashMap<>();
            for (Path file : xsdFiles(root)) {
                XsdFile xsd = XsdFile.read(file);
                inRoot.computeIfAbsent(xsd.targetNamespace(), ns -> new ArrayList<>()).add(xsd);
            }
            winner.putAll(inRoot);
        }
        return new SchemaIndex(winner);
    }

    /**
     * The entry XSD for a kind, empty when no file of its namespace declares its letter element.
     * Among the namespace's files that declare {@code Emessage} (or,
     * failing that, the letter element), one named after the VersionCode wins, then one named
     * EMessage.xsd, then the first by path.
     */
    Optional<XsdFile> entryFor(MessageKind kind) {
        List<XsdFile> files = byNamespace.getOrDefault(kind.namespace(), List.of());
        if (!kind.rootElement().isEmpty() && files.stream().noneMatch(f -> f.declares(kind.rootElement()))) {
            return Optional.empty(); // the namespace is known, this letter type is not
        }
        List<XsdFile> candidates = files.stream().filter(f -> f.declares(MessageKind.EMESSAGE)).toList();
        if (candidates.isEmpty()) {
            candidates = files.stream().filter(f -> f.declares(kind.rootElement())).toList();
        }
        return candidates.stream().min(Comparator
                .comparing((XsdFile f) -> !f.baseName().equals(kind.versionCode()))
                .thenComparing(f -> !f.baseName().equalsIgnoreCase("EMessage"))
                .thenComparing(f -> f.path().toString()));
    }

    List<String> namespaces() {
        return List.copyOf(byNamespace.keySet());
    }

    private static List<Path> xsdFiles(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("schema root is not a folder: " + root.toAbsolutePath());
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".xsd"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
