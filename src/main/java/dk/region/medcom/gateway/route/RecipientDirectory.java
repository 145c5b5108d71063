package dk.region.medcom.gateway.route;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/** The recipients the gateway knows, by location number, read from the operator's YAML file. */
public class RecipientDirectory {

    private final Map<String, Recipient> byLocationNumber;

    RecipientDirectory(List<Recipient> recipients) {
        this.byLocationNumber = recipients.stream()
                .collect(Collectors.toUnmodifiableMap(Recipient::locationNumber, Function.identity()));
    }

    public static RecipientDirectory load(String location) {
        Resource resource = new DefaultResourceLoader().getResource(location);
        try (InputStream in = resource.getInputStream()) {
            DirectoryFile file = new ObjectMapper(new YAMLFactory()).readValue(in, DirectoryFile.class);
            return new RecipientDirectory(file.recipients().stream().map(Entry::toRecipient).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recipient directory " + location, e);
        }
    }

    public Optional<Recipient> find(String locationNumber) {
        return Optional.ofNullable(locationNumber).map(byLocationNumber::get);
    }

    /** Every recipient's location number, for making one delivery consumer each. */
    public java.util.Set<String> locationNumbers() {
        return byLocationNumber.keySet();
    }

    public int size() {
        return byLocationNumber.size();
    }

    record DirectoryFile(List<Entry> recipients) {
    }

    record Entry(@JsonProperty("location-number") String locationNumber, String name, String channel,
                 String url, Set<String> formats, Boolean enabled) {

        Recipient toRecipient() {
            Channel.Type type = channel == null ? Channel.Type.FOLDER : Channel.Type.valueOf(channel.toUpperCase());
            return new Recipient(locationNumber, name, new Channel(type, url), Set.copyOf(formats),
                    enabled == null || enabled);
        }
    }
}
