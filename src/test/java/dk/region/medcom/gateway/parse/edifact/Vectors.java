package dk.region.medcom.gateway.parse.edifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** MedCom's conformance vectors, read in place from the shared folder beside the project. */
final class Vectors {

    static final Path FOLDER = Paths.get("..", "shared", "conformance", "vectors");

    private Vectors() {
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(FOLDER.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vector as ISO-8859-1 text, so tests can edit it one segment at a time. */
    static String text(String name) {
        return new String(bytes(name), StandardCharsets.ISO_8859_1);
    }

    static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
