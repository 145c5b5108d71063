package dk.region.medcom.gateway.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The modes of what the gateway creates under its data folder: owner-only (0700 folders, 0600
 * files), except outbox/, which recipients' readers may read (gateway.deliver.outbox-*-mode).
 * Set explicitly after creating, so neither a lax nor a strict umask changes them. On a file
 * system without POSIX modes nothing is set.
 */
public final class FileModes {

    public static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private FileModes() {
    }

    /** An octal mode such as {@code 0640}; only permission bits. */
    public static Set<PosixFilePermission> parse(String octal) {
        int mode;
        try {
            mode = Integer.parseInt(octal.trim(), 8);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an octal file mode (e.g. 0640): " + excerpt(octal));
        }
        if (mode < 0 || mode > 0777) {
            throw new IllegalArgumentException("a file mode has permission bits only (0000 to 0777): " + excerpt(octal));
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE, high bit first
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }

    /** Creates {@code folder} and any missing parent, each with {@code mode}; existing ones keep theirs. */
    public static void createDirectories(Path folder, Set<PosixFilePermission> mode) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent, mode);
        }
        try {
            Files.createDirectory(absolute);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return; // made meanwhile by another thread: it sets its mode
        }
        set(absolute, mode);
    }

    /** Sets {@code mode} on {@code path} where the file system has POSIX modes. */
    public static void set(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, mode);
        }
    }

    private static String excerpt(String value) {
        String text = String.valueOf(value);
        return text.length() > 12 ? text.substring(0, 12) + "..." : text;
    }
}
