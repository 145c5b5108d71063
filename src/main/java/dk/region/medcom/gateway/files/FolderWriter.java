package dk.region.medcom.gateway.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Writes whole files into folders others read (a recipient's outbox folder, quarantine/): under a
 * dot-name of this write's own, then renamed into place, so a reader never sees half a file and two
 * writes of one file at once (duplicates of a letter each sending its receipt again) never truncate
 * or rename each other's half-written copy. It writes only inside its own root folder: a target
 * that leaves it (by {@code ..}, an absolute path, or a symbolic link on the way) is refused,
 * whoever chose the name. A temp file's name carries the writing node's {@link NodeId}, so that
 * with folders shared by several nodes each clears up only its own leftovers
 * ({@link #removeUnfinished}).
 */
public final class FolderWriter {

    /**
     * A temp file of {@link #write}: {@code .<file name>.<node id>.<hex number>.tmp}, or, written
     * by a version before node ids, {@code .<file name>.<hex number>.tmp}.
     */
    private static final Pattern UNFINISHED = Pattern.compile("\\..+\\.[0-9a-f]+\\.tmp");
    /**
     * A temp file not written to for this long is abandoned, whichever node wrote it (one that is
     * gone for good, or a version before node ids): a write in progress touches it every few
     * milliseconds. Far longer than any write, and than the clocks of a shared file system's
     * clients and server differ.
     */
    public static final Duration ABANDONED_AFTER = Duration.ofHours(1);
    /** Temp files' numbers; from the start time, so a file left by a killed run is never reused. */
    private static final AtomicLong TEMP_NAMES = new AtomicLong(System.currentTimeMillis() << 16);
    /** The node of writers made without one (tests, tools): this process. */
    private static final NodeId THIS_PROCESS = NodeId.random();

    private final Path root;
    private final NodeId node;
    private final Pattern own;
    private final boolean sync;
    private final Set<PosixFilePermission> fileMode;
    private final Set<PosixFilePermission> folderMode;

    /** How a file's content is written: into a stream the writer closes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * @param sync a written file is on disk (fsync of the file, then of its folder for the rename)
     *             before {@link #write} returns: without it a power cut could leave a missing or empty
     *             file after the caller has told the broker and the journal it is there (a killed
     *             process alone loses nothing either way)
     * @param root the only folder this writer writes in (and in folders below it)
     * @param fileMode the mode of the files it writes
     * @param folderMode the mode of the folders it makes
     */
    public FolderWriter(Path root, boolean sync, Set<PosixFilePermission> fileMode, Set<PosixFilePermission> folderMode) {
        this(root, sync, fileMode, folderMode, THIS_PROCESS);
    }

    /** @param node the node whose temp files this writer writes and may clear up (see {@link #removeUnfinished}) */
    public FolderWriter(Path root, boolean sync, Set<PosixFilePermission> fileMode, Set<PosixFilePermission> folderMode,
                        NodeId node) {
        this.root = root.toAbsolutePath().normalize();
        this.node = node;
        this.own = Pattern.compile("\\..+\\." + node.value() + "\\.[0-9a-f]+\\.tmp");
        this.sync = sync;
        this.fileMode = Set.copyOf(fileMode);
        this.folderMode = Set.copyOf(folderMode);
    }

    /** A writer whose files (0600) and folders (0700) only the gateway's own user reads. */
    public static FolderWriter ownerOnly(Path root, boolean sync) {
        return new FolderWriter(root, sync, FileModes.OWNER_FILE, FileModes.OWNER_FOLDER);
    }

    /** As {@link #ownerOnly(Path, boolean)}, for the node {@code node}. */
    public static FolderWriter ownerOnly(Path root, boolean sync, NodeId node) {
        return new FolderWriter(root, sync, FileModes.OWNER_FILE, FileModes.OWNER_FOLDER, node);
    }

    /** Writes {@code bytes} to {@code target}, replacing an earlier file; makes the folder if missing. */
    public void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Writes what {@code content} writes to {@code target}, as {@link #write(Path, byte[])}; streamed, any size. */
    public void write(Path target, Content content) throws IOException {
        Path file = confined(target);
        Path folder = file.getParent();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            FileModes.createDirectories(folder, folderMode);
        }
        Path temp = folder.resolve("." + file.getFileName() + "." + node.value() + "." + Long.toHexString(TEMP_NAMES.incrementAndGet()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                FileModes.set(temp, fileMode);
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(new java.io.FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // the channel is closed, and synced first, by the writer
                    }
                });
                if (sync) {
                    channel.force(false);
                }
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
     * Moves a file within the writer's folder (both ends confined as for {@link #write}), making the
     * target's folder if missing; a missing source is no error. Synced like a write.
     */
    public void move(Path source, Path target) throws IOException {
        Path from = confined(source);
        Path to = confined(target);
        if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(to.getParent(), LinkOption.NOFOLLOW_LINKS)) {
            FileModes.createDirectories(to.getParent(), folderMode);
        }
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (sync) {
            for (Path folder : new Path[] {to.getParent(), from.getParent()}) {
                try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
                    directory.force(true);
                }
            }
        }
    }

    /**
     * {@code target} normalised, if it is inside the root folder with no symbolic link on the way
     * (the root itself may be one); else an exception that names the root and the problem, and
     * quotes no more than a short, cleaned piece of the target.
     */
    Path confined(Path target) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new OutsideFolderException("refused to write outside " + root + ": " + excerpt(target)
                    + " is not inside it");
        }
        for (Path step = file; !step.equals(root); step = step.getParent()) {
            if (Files.isSymbolicLink(step)) {
                throw new OutsideFolderException("refused to write through a symbolic link under " + root + ": "
                        + excerpt(root.relativize(step)));
            }
        }
        return file;
    }

    /** A write refused because its target is not a plain path inside the writer's folder. */
    public static final class OutsideFolderException extends IOException {
        OutsideFolderException(String message) {
            super(message);
        }
    }

    /** At most 60 characters of a path, anything but printable ASCII replaced by '?'. */
    private static String excerpt(Path path) {
        String text = String.valueOf(path);
        String cut = text.length() > 60 ? "..." + text.substring(text.length() - 57) : text;
        return "'" + cut.replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }

    /**
     * Deletes the temp files a killed run left half-written in {@code folder} (readers ignore
     * dot-names, but nothing else would ever remove them): this node's, at start, while this node
     * writes none, and any other node's not written to for {@link #ABANDONED_AFTER} (its node died
     * for good). Another node's recent temp file is one it may be writing right now: it stays.
     *
     * @return how many were deleted
     */
    public int removeUnfinished(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        long abandoned = System.currentTimeMillis() - ABANDONED_AFTER.toMillis();
        int removed = 0;
        try (DirectoryStream<Path> unfinished = Files.newDirectoryStream(folder,
                f -> UNFINISHED.matcher(f.getFileName().toString()).matches())) {
            for (Path file : unfinished) {
                if (own.matcher(file.getFileName().toString()).matches() || lastWritten(file) < abandoned) {
                    removed += Files.deleteIfExists(file) ? 1 : 0;
                }
            }
        }
        return removed;
    }

    /** When {@code file} was last written to; now when it is gone already (then nothing to delete). */
    private static long lastWritten(Path file) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
        } catch (IOException gone) {
            return System.currentTimeMillis();
        }
    }
}
