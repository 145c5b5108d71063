package dk.region.medcom.gateway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the file a verb was given, reporting an unreadable one in one line on stderr. */
final class MessageFile {

    private MessageFile() {
    }

    static Optional<byte[]> read(Path file, PrintWriter err) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
