package dk.region.medcom.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        FolderWriter writer = FolderWriter.ownerOnly(data, sync);
        Path target = data.resolve("quarantine").resolve("T1.xml");

        writer.write(target, "<first/>".getBytes(StandardCharsets.UTF_8));
        writer.write(target, "<second/>".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("<second/>");
        assertThat(names(target.getParent())).containsExactly("T1.xml");
    }

    @Test
    void aWriteThatCannotBeRenamedIntoPlaceFailsAndLeavesNoTempFile() throws Exception {
        FolderWriter writer = FolderWriter.ownerOnly(data, true);
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
        FolderWriter writer = FolderWriter.ownerOnly(data, true);

        assertThat(writer.removeUnfinished(folder)).isEqualTo(1);
        assertThat(writer.removeUnfinished(data.resolve("missing"))).isZero();

        assertThat(names(folder)).containsExactlyInAnyOrder("T1.xml", ".keep", "notes.tmp");
    }

    @Test
    void refusesATargetOutsideItsFolderByDotDotOrAbsolutePathAndWritesNothing() throws Exception {
        Path root = Files.createDirectories(data.resolve("outbox"));
        FolderWriter writer = FolderWriter.ownerOnly(root, false);
        byte[] letter = "<Emessage/>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> writer.write(root.resolve("5790001000011/../../escaped.xml"), letter))
                .isInstanceOf(FolderWriter.OutsideFolderException.class).hasMessageContaining("outside " + root);
        assertThatThrownBy(() -> writer.write(data.resolve("elsewhere.xml"), letter))
                .isInstanceOf(FolderWriter.OutsideFolderException.class);
        assertThatThrownBy(() -> writer.write(root, letter)).isInstanceOf(FolderWriter.OutsideFolderException.class);

        assertThat(names(data)).containsExactly("outbox");
        assertThat(names(root)).isEmpty();
    }

    @Test
    void refusesToWriteThroughASymbolicLinkInsideItsFolder() throws Exception {
        Path root = Files.createDirectories(data.resolve("outbox"));
        Path outside = Files.createDirectories(data.resolve("outside"));
        Files.createSymbolicLink(root.resolve("5790001000011"), outside);
        FolderWriter writer = FolderWriter.ownerOnly(root, false);

        assertThatThrownBy(() -> writer.write(root.resolve("5790001000011").resolve("T1.xml"), new byte[] {1}))
                .isInstanceOf(FolderWriter.OutsideFolderException.class).hasMessageContaining("symbolic link");
        Files.createSymbolicLink(root.resolve("T2.xml"), outside.resolve("T2.xml"));
        assertThatThrownBy(() -> writer.write(root.resolve("T2.xml"), new byte[] {1}))
                .isInstanceOf(FolderWriter.OutsideFolderException.class);

        assertThat(names(outside)).isEmpty();
    }

    @Test
    void theRefusalQuotesOnlyAShortCleanedPieceOfTheTarget() throws Exception {
        Path root = Files.createDirectories(data.resolve("quarantine"));
        FolderWriter writer = FolderWriter.ownerOnly(root, false);
        String hostile = "../" + "x".repeat(5000) + "\n\u0007evil";

        assertThatThrownBy(() -> writer.write(root.resolve(hostile), new byte[] {1}))
                .isInstanceOf(FolderWriter.OutsideFolderException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(root.toString().length() + 120)
                        .doesNotContain("\n").doesNotContain("\u0007"));
    }

    @Test
    void writesFilesAndFoldersWithItsModesWhateverTheUmask() throws Exception {
        Path root = Files.createDirectories(data.resolve("outbox"));
        FolderWriter writer = new FolderWriter(root, false, PosixFilePermissions.fromString("rw-r-----"),
                PosixFilePermissions.fromString("rwxr-x---"));
        FolderWriter ownerOnly = FolderWriter.ownerOnly(root, false);

        writer.write(root.resolve("5790001000011").resolve("T1.xml"), new byte[] {1});
        ownerOnly.write(root.resolve("T2.xml.error.json"), new byte[] {1});

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("5790001000011"))))
                .isEqualTo("rwxr-x---");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("5790001000011/T1.xml"))))
                .isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("T2.xml.error.json"))))
                .isEqualTo("rw-------");
    }

    private static Stream<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList().stream();
        }
    }
}
