package dk.region.medcom.gateway.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where tests find things: the project's schemas and samples, and MedCom's files in ../shared (never copied). */
final class Fixtures {

    static final Path SCHEMAS = Paths.get("schemas");
    static final Path SAMPLES = Paths.get("samples");
    static final Path CONFORMANCE = Paths.get("..", "shared", "conformance");
    static final Path MEDCOM_SCHEMAS = CONFORMANCE.resolve("medcom-schemas");
    static final Path VECTORS = CONFORMANCE.resolve("vectors");

    private Fixtures() {
    }

    static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] vector(String name) {
        return bytes(VECTORS.resolve(name));
    }

    static byte[] sample(String type, String name) {
        return bytes(SAMPLES.resolve(type).resolve(name));
    }

    static String sampleText(String type, String name) {
        return new String(sample(type, name), StandardCharsets.UTF_8);
    }

    static byte[] utf8(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
