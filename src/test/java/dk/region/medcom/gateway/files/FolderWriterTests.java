package dk.region.medcom.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
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
        NodeId node = NodeId.random();
        Files.writeString(folder.resolve(".T1.xml.error.json." + node + ".18c4f2a0b0001.tmp"), "{ half");
        Files.writeString(folder.resolve("T1.xml"), "<Emessage/>");
        Files.writeString(folder.resolve(".keep"), "an operator's own");
        Files.writeString(folder.resolve("notes.tmp"), "an operator's own");
        FolderWriter writer = FolderWriter.ownerOnly(data, true, node);

        assertThat(writer.removeUnfinished(folder)).isEqualTo(1);
        assertThat(writer.removeUnfinished(data.resolve("missing"))).isZero();

        assertThat(names(folder)).containsExactlyInAnyOrder("T1.xml", ".keep", "notes.tmp");
    }

    /**
     * Two nodes share quarantine/ (or an outbox/ folder): node B starting while node A writes leaves
     * A's temp file alone, but clears one of a node gone for good (not written to for an hour) and
     * one left by a version before node ids, once as old.
     */
    @Test
    void aStartingNodeLeavesAnotherNodesTempFileButClearsAbandonedOnes() throws Exception {
        Path folder = Files.createDirectories(data.resolve("quarantine"));
        NodeId a = NodeId.random();
        NodeId b = NodeId.random();
        FolderWriter nodeA = FolderWriter.ownerOnly(data, true, a);
        FolderWriter nodeB = FolderWriter.ownerOnly(data, true, b);
        Path beingWritten = folder.resolve(".T1.xml." + a + ".18c4f2a0b0001.tmp");
        Files.writeString(beingWritten, "<Emessage>half, and A is writing on");
        Path deadNode = Files.writeString(folder.resolve(".T2.xml." + NodeId.random() + ".18c4f2a0b0002.tmp"), "<Em");
        Path oldVersion = Files.writeString(folder.resolve(".T3.xml.18c4f2a0b0003.tmp"), "<Em");
        Path oldVersionNow = Files.writeString(folder.resolve(".T4.xml.18c4f2a0b0004.tmp"), "<Em");
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        Files.setLastModifiedTime(deadNode, twoHoursAgo);
        Files.setLastModifiedTime(oldVersion, twoHoursAgo);

        assertThat(nodeB.removeUnfinished(folder)).isEqualTo(2);
        assertThat(names(folder)).containsExactlyInAnyOrder(beingWritten.getFileName().toString(),
                oldVersionNow.getFileName().toString());

        // A's own write goes through; A restarting after a kill clears its own leftovers at once
        nodeA.write(folder.resolve("T5.xml"), "<Emessage/>".getBytes(StandardCharsets.UTF_8));
        assertThat(nodeA.removeUnfinished(folder)).isEqualTo(1);
        assertThat(names(folder)).containsExactlyInAnyOrder("T5.xml", oldVersionNow.getFileName().toString());
    }

    @Test
    void aTempFileNamesItsNode() throws Exception {
        NodeId node = NodeId.random();
        FolderWriter writer = FolderWriter.ownerOnly(data, false, node);
        Path target = data.resolve("T1.xml");
        writer.write(target, out -> {
            try (Stream<Path> files = Files.list(data)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .singleElement().asString().startsWith(".T1.xml." + node + ".").endsWith(".tmp");
            }
            out.write('x');
        });
        assertThat(target).hasContent("x");
    }

    @Test
    void aDataFolderKeepsItsNodeIdAndEachDataFolderHasItsOwn() throws Exception {
        Path a = Files.createDirectories(data.resolve("node-a"));
        NodeId first = NodeId.of(a);
        assertThat(NodeId.of(a)).isEqualTo(first);
        assertThat(Files.readString(a.resolve(NodeId.FILE)).trim()).isEqualTo(first.value());
        assertThat(NodeId.of(Files.createDirectories(data.resolve("node-b")))).isNotEqualTo(first);
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
