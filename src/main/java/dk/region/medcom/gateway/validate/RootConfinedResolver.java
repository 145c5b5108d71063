package dk.region.medcom.gateway.validate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dk.region.medcom.gateway.parse.xml.XmlFactories;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Resolves xs:include and xs:import only to files inside the schema roots. Anything else (the
 * network, a file elsewhere on disk) is refused, so compiling a schema pack cannot reach out.
 */
final class RootConfinedResolver implements LSResourceResolver {

    private static final DOMImplementationLS LS = domImplementationLs();

    private final List<Path> roots;

    RootConfinedResolver(List<Path> roots) {
        this.roots = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
    }

    @Override
    public LSInput resolveResource(String type, String namespaceUri, String publicId, String systemId, String baseUri) {
        if (systemId == null) {
            return null; // an import by namespace only: nothing is fetched
        }
        URI target = baseUri == null ? URI.create(systemId) : URI.create(baseUri).resolve(systemId);
        if (!"file".equals(target.getScheme())) {
            throw new SecurityException("schema reference outside the schema roots refused: " + systemId);
        }
        Path file = Path.of(target).toAbsolutePath().normalize();
        if (roots.stream().noneMatch(file::startsWith)) {
            throw new SecurityException("schema reference outside the schema roots refused: " + systemId);
        }
        try {
            LSInput input = LS.createLSInput();
            input.setByteStream(new ByteArrayInputStream(Files.readAllBytes(file)));
            input.setSystemId(file.toUri().toString());
            input.setPublicId(publicId);
            input.setBaseURI(baseUri);
            return input;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + file, e);
        }
    }

    private static DOMImplementationLS domImplementationLs() {
        try {
            return (DOMImplementationLS) XmlFactories.hardenedDomFactory().newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
