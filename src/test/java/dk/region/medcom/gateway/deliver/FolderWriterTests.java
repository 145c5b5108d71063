package dk.region.medcom.gateway.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one way files are written where others read them (outbox/ folders, quarantine/). */
class FolderWriterTests {

    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void writesIntoAMissingFolderAndReplacesAnEarlierFileLeavingNothingElse(boolean sync) throws Exception {
        FolderWriter writer = new FolderWriter(sync);
        Path target = data.resolve("quarantine").resolve("T1.xml");

        writer.write(target, "<first/>".getBytes(StandardCharsets.UTF_8));
        writer.write(target, "<second/>".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("<second/>");
        assertThat(names(target.getParent())).containsExactly("T1.xml");
    }

    @Test
    void aWriteThatCannotBeRenamedIntoPlaceFailsAndLeavesNoTempFile() throws Exception {
        FolderWriter writer = new FolderWriter(true);
        // a non-empty folder under the target's name: the rename cannot replace it
        Path target = Files.createDirectories(data.resolve("T1.xml"));
        Files.writeString(target.resolve("inside"), "x");

        assertThatThrownBy(() -> writer.write(target, "<Emessage/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);

        assertThat(names(data)).containsExactly("T1.xml");
    }

    @Test
    void onlyItsOwnHalfWrittenFilesAreRemoved() throws Exception {
        Path folder = Files.createDirectories(data.resolve("quarantine"));
        Files.writeString(folder.resolve(".T1.xml.error.json.18c4f2a0b0001.tmp"), "{ half");
        Files.writeString(folder.resolve("T1.xml"), "<Emessage/>");
        Files.writeString(folder.resolve(".keep"), "an operator's own");
        Files.writeString(folder.resolve("notes.tmp"), "an operator's own");
        FolderWriter writer = new FolderWriter(true);

        assertThat(writer.removeUnfinished(folder)).isEqualTo(1);
        assertThat(writer.removeUnfinished(data.resolve("missing"))).isZero();

        assertThat(names(folder)).containsExactlyInAnyOrder("T1.xml", ".keep", "notes.tmp");
    }

    private static Stream<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList().stream();
        }
    }
}
