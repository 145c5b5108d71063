package dk.region.medcom.gateway.deliver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Writes whole files into folders others read (a recipient's outbox folder, quarantine/): under a
 * dot-name of this write's own, then renamed into place, so a reader never sees half a file and two
 * writes of one file at once (duplicates of a letter each sending its receipt again) never truncate
 * or rename each other's half-written copy.
 */
public final class FolderWriter {

    /** A temp file of {@link #write}: {@code .<file name>.<hex number>.tmp}. */
    private static final Pattern UNFINISHED = Pattern.compile("\\..+\\.[0-9a-f]+\\.tmp");
    /** Temp files' numbers; from the start time, so a file left by a killed run is never reused. */
    private static final AtomicLong TEMP_NAMES = new AtomicLong(System.currentTimeMillis() << 16);

    private final boolean sync;

    /**
     * @param sync a written file is on disk (fsync of the file, then of its folder for the rename)
     *             before {@link #write} returns: without it a power cut could leave a missing or empty
     *             file after the caller has told the broker and the journal it is there (a killed
     *             process alone loses nothing either way)
     */
    public FolderWriter(boolean sync) {
        this.sync = sync;
    }

    /** Writes {@code bytes} to {@code target}, replacing an earlier file; makes the folder if missing. */
    public void write(Path target, byte[] bytes) throws IOException {
        Path folder = target.getParent();
        if (!Files.isDirectory(folder)) {
            // only when missing: on an existing folder createDirectories fails inside and catches the exception
            Files.createDirectories(folder);
        }
        Path temp = folder.resolve("." + target.getFileName() + "." + Long.toHexString(TEMP_NAMES.incrementAndGet()) + ".tmp");
        try {
            try (FileChannel file = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer content = ByteBuffer.wrap(bytes);
                while (content.hasRemaining()) {
                    file.write(content);
                }
                if (sync) {
                    file.force(false);
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        if (sync) {
            try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
                directory.force(true);
            }
        }
    }

    /**
     * Deletes the temp files a killed run left half-written in {@code folder} (readers ignore
     * dot-names, but nothing else would ever remove them). Only while nothing writes there.
     *
     * @return how many were deleted
     */
    public int removeUnfinished(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> unfinished = Files.newDirectoryStream(folder,
                f -> UNFINISHED.matcher(f.getFileName().toString()).matches())) {
            for (Path file : unfinished) {
                removed += Files.deleteIfExists(file) ? 1 : 0;
            }
        }
        return removed;
    }
}
