package dk.region.medcom.gateway.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Creates the data directory's folders at start-up so an operator sees where to drop files. */
@Component
class DataFolders {

    DataFolders(GatewayProperties properties) {
        for (Path folder : new Path[] {properties.inbox(), properties.outbox(), properties.quarantine(),
                properties.archive()}) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data folder " + folder, e);
            }
        }
    }
}
