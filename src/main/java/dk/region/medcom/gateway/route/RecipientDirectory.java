package dk.region.medcom.gateway.route;

import dk.region.medcom.gateway.message.Recipient;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * The recipients the gateway knows, read from the operator's YAML file. {@link #reloadIfChanged()}
 * picks up an edited file; a file with a mistake is refused (the line is logged by the caller) and
 * the previous directory stays in force, so a typo never stops routing.
 */
public class RecipientDirectory {

    /** A new file that was refused, and why (the line at fault): the previous directory stayed in force. */
    public record Refusal(Instant at, String reason) {
    }

    private final String location;
    private volatile Snapshot snapshot;
    private volatile long loadedModified;
    private volatile Refusal lastRefusal;

    RecipientDirectory(List<Recipient> recipients) {
        this.location = null;
        this.snapshot = new Snapshot(recipients);
    }

    private RecipientDirectory(String location) {
        this.location = location;
        this.loadedModified = lastModified();
        this.snapshot = new Snapshot(readFile());
    }

    /** Reads the directory; an invalid file throws {@link InvalidDirectoryException} naming the line. */
    public static RecipientDirectory load(String location) {
        return new RecipientDirectory(location);
    }

    /**
     * Re-reads the file if it changed since the last read. Returns true when a new directory took
     * effect; throws {@link InvalidDirectoryException} (keeping the old one) when the new file is invalid.
     */
    public boolean reloadIfChanged() {
        long modified = lastModified();
        if (location == null || modified == loadedModified) {
            return false;
        }
        loadedModified = modified; // an invalid file is reported once, not on every check
        try {
            snapshot = new Snapshot(readFile());
        } catch (RuntimeException e) {
            lastRefusal = new Refusal(Instant.now(), e instanceof InvalidDirectoryException ? e.getMessage() : e.toString());
            throw e;
        }
        lastRefusal = null;
        return true;
    }

    /** Every recipient, in the file's order. */
    public List<Recipient> all() {
        return snapshot.inOrder;
    }

    /** When the directory in force was read. */
    public Instant loadedAt() {
        return snapshot.loadedAt;
    }

    /** The last new file refused since the directory in force was read, if any. */
    public Optional<Refusal> lastRefusal() {
        return Optional.ofNullable(lastRefusal);
    }

    public Optional<Recipient> find(String locationNumber) {
        return Optional.ofNullable(locationNumber).map(snapshot.byLocationNumber::get);
    }

    /** The recipients that serve a municipality directly (units reached only by a rule left out). */
    public List<Recipient> forMunicipality(String kommunekode) {
        return snapshot.byMunicipality.getOrDefault(MunicipalityDirectory.normalise(kommunekode), List.of());
    }

    public int size() {
        return snapshot.byLocationNumber.size();
    }


    private List<Recipient> readFile() {
        Resource resource = new DefaultResourceLoader().getResource(location);
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return DirectoryFile.read(reader, resource.getDescription());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recipient directory " + location, e);
        }
    }

    private long lastModified() {
        if (location == null) {
            return 0;
        }
        try {
            Resource resource = new DefaultResourceLoader().getResource(location);
            return resource.isFile() ? resource.lastModified() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static final class Snapshot {
        final List<Recipient> inOrder;
        final Instant loadedAt = Instant.now();
        final Map<String, Recipient> byLocationNumber;
        final Map<String, List<Recipient>> byMunicipality;

        Snapshot(List<Recipient> recipients) {
            inOrder = List.copyOf(recipients);
            byLocationNumber = recipients.stream()
                    .collect(Collectors.toUnmodifiableMap(Recipient::locationNumber, Function.identity()));
            byMunicipality = recipients.stream()
                    .filter(r -> r.municipality() != null && !r.reachedByRuleOnly())
                    .collect(Collectors.groupingBy(Recipient::municipality));
        }
    }
}
