package dk.region.medcom.gateway.ingest;

import dk.region.medcom.gateway.message.LocationNumber;
import dk.region.medcom.gateway.files.DataFolders;
import dk.region.medcom.gateway.files.FileModes;
import dk.region.medcom.gateway.files.GatewayProperties;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the inbox/ file consumer may take: regular files with names it can handle. Before every
 * poll (as the consumer's poll strategy) every entry is looked at without following links: a
 * symbolic link, folder, fifo, device or socket is moved, itself, never its target, to
 * {@code rejected-entries/} and reported in one log line; a regular file whose name the gateway
 * cannot handle (a backslash, control characters, bytes that are not UTF-8, a very long name) is
 * renamed in place to a safe name and then taken as any other. As the consumer's filter it lets
 * through only what is a regular file with a good name at that moment, for an entry made between
 * the two waits for the next poll. Names starting with a dot are the senders' own and left alone.
 * With {@code gateway.ingest.sender-folders} on, a folder named by a valid location number is a
 * sender's own ({@code inbox/<location number>/}): its entries are checked the same way and taken.
 */
@Component("inboxEntries")
public class InboxEntries extends DefaultPollingConsumerPollStrategy implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(InboxEntries.class);
    /** Longer names are renamed (file systems allow 255 bytes; the gateway never needs the name). */
    static final int MAX_NAME_BYTES = 200;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Entries that could not be moved, reported once each (bounded, so a flood cannot grow it). */
    private final Set<String> reported = new LinkedHashSet<>();

    private final Path inbox;
    private final Path rejected;
    private final boolean senderFolders;
    private final Clock clock;

    public InboxEntries(GatewayProperties folders, IngestProperties properties, Clock clock) {
        // absolute and normalised, as every path is compared with it: the file consumer may give
        // ./data/inbox/x or data/inbox/x for the default ./data
        this.inbox = folders.inbox().toAbsolutePath().normalize();
        this.rejected = folders.dataDir().resolve(DataFolders.REJECTED_ENTRIES);
        this.senderFolders = properties.senderFolders();
        this.clock = clock;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        sweep();
        return true;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        Path path = file.getFile().toPath().toAbsolutePath().normalize();
        if (file.isDirectory()) {
            // the consumer walks into a folder only where sender folders are on, and only a sender's
            return senderFolders && isSenderFolder(path);
        }
        return goodName(path.getFileName().toString()) && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                && (path.getParent().equals(inbox) || senderFolders && isSenderFolder(path.getParent()));
    }

    /** {@code inbox/<location number>/} itself, a real folder (not a link), when sender folders are on. */
    boolean isSenderFolder(Path folder) {
        return folder.getParent() != null && folder.getParent().equals(inbox)
                && LocationNumber.isValid(folder.getFileName().toString())
                && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS);
    }

    /** Moves aside what is not a regular file and renames regular files with bad names. */
    synchronized void sweep() {
        sweep(inbox);
    }

    private void sweep(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException gone) {
                    continue; // taken or removed meanwhile
                }
                if (attributes.isDirectory() && folder.equals(inbox) && senderFolders && LocationNumber.isValid(name)) {
                    sweep(entry); // a sender's own folder: its entries are checked as inbox/'s are
                } else if (!attributes.isRegularFile()) {
                    moveAside(entry, name, kind(attributes));
                } else if (!goodName(name) && !name.endsWith(".part") && !name.endsWith(".tmp")) {
                    rename(entry, name);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list inbox/ to check its entries: {}", e.getClass().getSimpleName());
        }
    }

    /** A name the file consumer handles: printable, valid UTF-8, no backslash, not too long. */
    static boolean goodName(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            // U+FFFD: the JVM's stand-in for bytes that are not UTF-8
            if (c == '\\' || c == '\uFFFD' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    void moveAside(Path entry, String name, String kind) {
        String target = STAMP.format(clock.instant()) + "-" + HexFormat.of().toHexDigits(RANDOM.nextInt()) + "-" + kind;
        try {
            FileModes.createDirectories(rejected, FileModes.OWNER_FOLDER);
            // a rename: the link, folder or fifo itself moves; nothing is followed or opened
            Files.move(entry, rejected.resolve(target), LinkOption.NOFOLLOW_LINKS);
            LOG.warn("inbox entry is not a regular file: moved aside, not read; kind={} name='{}' to={}/{}",
                    kind, excerpt(name), DataFolders.REJECTED_ENTRIES, target);
        } catch (NoSuchFileException gone) {
            // removed meanwhile: by its sender, or by another node sweeping a shared inbox/
        } catch (IOException e) {
            reportOnce(name, "inbox entry is not a regular file and cannot be moved aside; kind=" + kind + " name='"
                    + excerpt(name) + "' cause=" + e.getClass().getSimpleName());
        }
    }

    void rename(Path entry, String name) {
        String safe = "renamed-" + STAMP.format(clock.instant()) + "-" + HexFormat.of().toHexDigits(RANDOM.nextInt())
                + Ingestor.extensionOf(name);
        try {
            Files.move(entry, entry.resolveSibling(safe), LinkOption.NOFOLLOW_LINKS);
            LOG.warn("inbox file name cannot be handled (backslash, control character, not UTF-8 or too long): "
                    + "renamed to {}; name='{}'", safe, excerpt(name));
        } catch (NoSuchFileException gone) {
            // renamed or taken meanwhile: by its sender, or by another node sweeping a shared inbox/
        } catch (IOException e) {
            reportOnce(name, "inbox file name cannot be handled and the file cannot be renamed; name='" + excerpt(name)
                    + "' cause=" + e.getClass().getSimpleName());
        }
    }

    private void reportOnce(String name, String line) {
        if (reported.add(name)) {
            LOG.error(line);
            if (reported.size() > 1000) {
                reported.remove(reported.iterator().next());
            }
        }
    }

    private static String kind(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return "symlink";
        }
        return attributes.isDirectory() ? "folder" : "special"; // fifo, device or socket
    }

    /**
     * At most 24 characters of a name for the log: digits become '#' (a sender's name may hold a
     * CPR number), anything but printable ASCII becomes '?'.
     */
    static String excerpt(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < 24; i++) {
            char c = name.charAt(i);
            out.append(Character.isDigit(c) ? '#' : c >= 0x20 && c < 0x7f && c != '\'' ? c : '?');
        }
        return name.length() > 24 ? out + "..." : out.toString();
    }
}
