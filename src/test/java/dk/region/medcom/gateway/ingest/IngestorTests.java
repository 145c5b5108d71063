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
        TrackingId first = Ingestor.fileTrackingId(file.getFileName().toString(), file.toFile().lastModified(), bytes, KEY);

        assertThat(Ingestor.fileTrackingId(file.getFileName().toString(), file.toFile().lastModified(), bytes, KEY)).as("picked up again").isEqualTo(first);
        assertThat(Ingestor.fileTrackingId(file.getFileName().toString(), file.toFile().lastModified(), bytes, OTHER_KEY)).as("another gateway's key")
                .isNotEqualTo(first);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_060_000L));
        assertThat(Ingestor.fileTrackingId(file.getFileName().toString(), file.toFile().lastModified(), bytes, KEY)).as("sent again later").isNotEqualTo(first);
    }

    @Test
    void aFilesTrackingIdCannotBeWorkedOutFromItsNameTimeAndBytesWithoutTheKey(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("brev.xml"), "<Emessage/>");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
        byte[] bytes = Files.readAllBytes(file);
        // what the id used to be: the name-based UUID of name, time and bytes, which anyone could compute
        byte[] name = ("brev.xml\u0000" + 1_700_000_000_000L + "\u0000").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] identity = java.nio.ByteBuffer.allocate(name.length + bytes.length).put(name).put(bytes).array();
        java.util.UUID guessable = java.util.UUID.nameUUIDFromBytes(identity);

        TrackingId id = Ingestor.fileTrackingId(file.getFileName().toString(), file.toFile().lastModified(), bytes, KEY);
        assertThat(id.value()).startsWith("018bcfe5-6800-7");
        assertThat(id.value().substring(24)).isNotEqualTo(guessable.toString().substring(24));
        assertThat(java.util.UUID.fromString(id.value()).version()).isEqualTo(7);
        assertThat(java.util.UUID.fromString(id.value()).variant()).isEqualTo(2);
    }

    static final byte[] KEY = new byte[32];
    static final byte[] OTHER_KEY = new byte[32];

    static {
        java.util.Arrays.fill(OTHER_KEY, (byte) 1);
    }

    @Test
    void anInboxSettleTimeBelowOneMillisecondIsRefused() {
        assertThatThrownBy(() -> new IngestProperties(1024, 0, false, false)).hasMessageContaining("inbox-settle-ms");
        assertThat(new IngestProperties(1024, 1, false, false).inboxSettleMs()).isEqualTo(1);
    }
}
