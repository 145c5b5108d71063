package dk.region.medcom.gateway.reject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.region.medcom.gateway.files.FolderWriter;
import dk.region.medcom.gateway.journal.BodyCipher;
import dk.region.medcom.gateway.journal.actions.MessageReleased;
import dk.region.medcom.gateway.journal.StageRecorder;
import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.files.GatewayProperties;
import jakarta.annotation.PostConstruct;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a rejected message's original bytes in {@code quarantine/} with the reasons beside them in
 * {@code <name>.error.json}. Files are named by tracking id, never by anything from the message.
 * The original is sealed with the body key ({@link BodyCipher#sealing}, the tracking id bound in),
 * streamed, so a file too large to take in is sealed without being held in memory; operators see
 * it through {@code GET /api/messages/{id}/quarantined-original} or {@code quarantine show}. The
 * report holds identifiers and findings only.
 * Both are written as deliveries are ({@link FolderWriter}): whole, and, with {@code
 * gateway.deliver.sync-files} on, on disk before the inbox file or the broker's copy is let go, for
 * the original kept here may then be the only one.
 */
@Component("quarantine")
public class Quarantine {

    private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);
    /** Where a released message's quarantine files are kept, out of the open cases. */
    static final String RELEASED = "released";

    private final GatewayProperties folders;
    private final FolderWriter files;
    private final BodyCipher cipher;
    private final StageRecorder recorder;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Quarantine(GatewayProperties folders, FolderWriter quarantineWriter, BodyCipher cipher,
                      StageRecorder recorder, Clock clock) {
        this.folders = folders;
        this.files = quarantineWriter;
        this.cipher = cipher;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Removes what a killed run left half-written in quarantine/, before the routes run. */
    @PostConstruct
    void removeUnfinishedWrites() throws IOException {
        int removed = files.removeUnfinished(folders.quarantine());
        if (removed > 0) {
            LOG.info("removed {} half-written files left in quarantine/ by this node's last run or a node gone for an hour", removed);
        }
    }

    /**
     * Quarantines a rejected message. A message without original bytes was too large to read: its
     * original was sealed into quarantine at ingest ({@link #keepUnread}), under the same name.
     */
    public PipelineMessage quarantine(PipelineMessage message) throws IOException {
        String name = message.trackingId() + extension(message);
        if (message.original() != null) {
            byte[] original = message.original();
            files.write(folders.quarantine().resolve(name), out -> {
                try (OutputStream sealed = cipher.sealing(out, context(message.trackingId()))) {
                    sealed.write(original);
                }
            });
        }
        byte[] report = json.writeValueAsBytes(QuarantineReport.of(message, clock.instant()));
        files.write(folders.quarantine().resolve(name + ".error.json"), report);
        return recorder.quarantined(message);
    }

    /**
     * Seals a file into quarantine as {@code <tracking id>.bin} without reading it into memory
     * (a message too large to take in). Opened without following a symbolic link.
     */
    public void keepUnread(TrackingId id, Path file) throws IOException {
        files.write(folders.quarantine().resolve(id.value() + ".bin"), out -> {
            try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                 OutputStream sealed = cipher.sealing(out, context(id))) {
                in.transferTo(sealed);
            }
        });
    }

    /**
     * A released message's files leave the open cases in {@code quarantine/} for
     * {@code quarantine/released/} (kept, sealed as before). Should it be rejected again, its new
     * original and reasons come back to {@code quarantine/}.
     */
    @EventListener
    public void released(MessageReleased event) {
        Path released = folders.quarantine().resolve(RELEASED);
        String id = event.trackingId().value();
        try {
            for (String name : new String[] {id + ".xml", id + ".edi", id + ".bin"}) {
                Path original = folders.quarantine().resolve(name);
                if (Files.isRegularFile(original, LinkOption.NOFOLLOW_LINKS)) {
                    files.move(original, released.resolve(name));
                    files.move(original.resolveSibling(name + ".error.json"), released.resolve(name + ".error.json"));
                }
            }
        } catch (IOException e) {
            LOG.warn("released message {}: its quarantine files could not be moved to quarantine/released/ ({})", id,
                    e.getClass().getSimpleName());
        }
    }

    /** The quarantined original of {@code id}, opened (decrypted as it is read); empty when there is none. */
    public Optional<InputStream> original(TrackingId id) throws IOException {
        return openOriginal(folders.quarantine(), id, cipher);
    }

    /** As {@link #original}, for tools without the running gateway (the CLI); open cases first, then released ones. */
    public static Optional<InputStream> openOriginal(Path quarantine, TrackingId id, BodyCipher cipher) throws IOException {
        for (Path folder : new Path[] {quarantine, quarantine.resolve(RELEASED)}) {
            for (String extension : new String[] {".xml", ".edi", ".bin"}) {
                Path file = folder.resolve(id.value() + extension);
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.of(cipher.opening(
                            Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS), context(id)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * How many quarantined originals (open cases and released ones) each body key sealed, by key
     * id; {@code NO_KEY_ID} for those sealed before key ids, {@code unreadable} for files that are
     * not sealed files of the gateway. What is still in use before a previous key is dropped.
     */
    public static Map<String, Integer> originalsByKeyId(Path quarantine, String noKeyId) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (Path folder : new Path[] {quarantine, quarantine.resolve(RELEASED)}) {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{xml,edi,bin}")) {
                for (Path file : files) {
                    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || file.getFileName().toString().startsWith(".")) {
                        continue;
                    }
                    String id;
                    try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                        id = BodyCipher.streamKeyId(in).orElse(noKeyId);
                    } catch (IOException e) {
                        id = "unreadable";
                    }
                    counts.merge(id, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** The associated data of a quarantined original: bound to its message. */
    static String context(TrackingId id) {
        return id.value() + "/QUARANTINE";
    }

    private static String extension(PipelineMessage message) {
        if (message.format() == MessageFormat.XML) {
            return ".xml";
        }
        return message.format() == MessageFormat.EDIFACT ? ".edi" : ".bin";
    }
}
