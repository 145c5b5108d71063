package dk.region.medcom.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.region.medcom.gateway.message.TrackingId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestorTests {

    @Test
    void keepsOnlyAShortSafeExtensionOfTheSendersFileName() {
        assertThat(Ingestor.extensionOf("henvisning 0101904321.XML")).isEqualTo(".xml");
        assertThat(Ingestor.extensionOf("brev.edi")).isEqualTo(".edi");
        assertThat(Ingestor.extensionOf("no-extension")).isEmpty();
        assertThat(Ingestor.extensionOf("odd.name.with spaces")).isEmpty();
        assertThat(Ingestor.extensionOf("x.0101904321")).isEmpty();
    }

    @Test
    void aFileKeepsItsTrackingIdUntilItChangesAndANewFileGetsANewOne(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("brev.xml"), "<Emessage/>");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
        byte[] bytes = Files.readAllBytes(file);
        TrackingId first = Ingestor.fileTrackingId(file.getFileName().toString(), file.toFile().lastModified(), bytes);

        assertThat(Ingestor.fileTrackingId(file.getFileName().toString(), file.toFile().lastModified(), bytes)).as("picked up again").isEqualTo(first);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_060_000L));
        assertThat(Ingestor.fileTrackingId(file.getFileName().toString(), file.toFile().lastModified(), bytes)).as("sent again later").isNotEqualTo(first);
    }

    @Test
    void anInboxSettleTimeBelowOneMillisecondIsRefused() {
        assertThatThrownBy(() -> new IngestProperties(1024, 0)).hasMessageContaining("inbox-settle-ms");
        assertThat(new IngestProperties(1024, 1).inboxSettleMs()).isEqualTo(1);
    }
}
