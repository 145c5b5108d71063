package dk.region.medcom.gateway.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * This gateway node's name in the files it leaves in folders other nodes share (the temp files of
 * {@link FolderWriter}): 12 random hex digits, made on the first start and kept in
 * {@code <data-dir>/node-id}. Each node has a data folder of its own (DataDirectoryLock), so two
 * nodes never have the same id, and a node keeps its id across restarts, so it knows its own
 * leftovers. A node copied from another's data folder must not take its {@code node-id} along.
 */
public record NodeId(String value) {

    public static final String FILE = "node-id";
    private static final Pattern VALID = Pattern.compile("[0-9a-f]{12}");

    public NodeId {
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("a node id is 12 lower-case hex digits");
        }
    }

    /** A new random id (a process of its own: tests and tools). */
    public static NodeId random() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return new NodeId(HexFormat.of().formatHex(bytes));
    }

    /** The data folder's node id, made and written there on the first call. */
    public static NodeId of(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                NodeId made = random();
                try {
                    Files.writeString(file, made.value() + "\n", StandardCharsets.US_ASCII,
                            java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                    return made;
                } catch (FileAlreadyExistsException raced) {
                    // read below
                }
            }
            String kept = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!VALID.matcher(kept).matches()) {
                throw new IllegalStateException(file + " is not a node id (12 lower-case hex digits): delete it, a new one is made");
            }
            return new NodeId(kept);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the node id file " + file, e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
