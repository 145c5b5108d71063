package dk.region.medcom.gateway.deliver;

import dk.region.medcom.gateway.files.FolderWriter;
import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.Channel;
import dk.region.medcom.gateway.message.Recipient;
import dk.region.medcom.gateway.files.GatewayProperties;
import dk.region.medcom.gateway.files.NodeId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A folder delivery, synced to disk or not: the whole message under its final name, nothing else. */
class DelivererTests {

    private static final Recipient RECIPIENT =
            new Recipient("5790001000011", "Test", Channel.folder(), Set.of("XML"), true);

    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFolderDeliveryLeavesTheWholeMessageUnderItsFinalNameAndReplacesAnEarlierOne(boolean syncFiles)
            throws Exception {
        Deliverer deliverer = new Deliverer(new GatewayProperties(data), null, FolderWriter.ownerOnly(data.resolve("outbox"), syncFiles));
        byte[] large = "<Emessage>".concat("x".repeat(200_000)).concat("</Emessage>").getBytes(StandardCharsets.UTF_8);

        deliverer.send(RECIPIENT, MessageFormat.XML, "<first/>".getBytes(StandardCharsets.UTF_8), "T1", Map.of());
        deliverer.send(RECIPIENT, MessageFormat.XML, large, "T1", Map.of());
        deliverer.send(RECIPIENT, MessageFormat.EDIFACT, "UNA:+.? '".getBytes(StandardCharsets.UTF_8), "T2", Map.of());

        Path folder = data.resolve("outbox").resolve("5790001000011");
        assertThat(Files.readAllBytes(folder.resolve("T1.xml"))).isEqualTo(large);
        assertThat(folder.resolve("T2.edi")).hasContent("UNA:+.? '");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("T1.xml", "T2.edi");
        }
    }

    /** Duplicates of one letter each send its receipt again, at once: to the same file name. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void deliveriesOfTheSameFileAtOnceAllSucceedAndLeaveOneWholeCopy(boolean syncFiles) throws Exception {
        Deliverer deliverer = new Deliverer(new GatewayProperties(data), null, FolderWriter.ownerOnly(data.resolve("outbox"), syncFiles));
        int writers = 8;
        int rounds = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                // each writer's copy is recognisable: one byte repeated, 64 KB
                byte[] copy = new byte[65_536];
                Arrays.fill(copy, (byte) ('a' + w));
                done.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        deliverer.send(RECIPIENT, MessageFormat.XML, copy, "T1-receipt", Map.of());
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS); // throws if any delivery failed
            }
        } finally {
            pool.shutdownNow();
        }

        Path folder = data.resolve("outbox").resolve("5790001000011");
        byte[] delivered = Files.readAllBytes(folder.resolve("T1-receipt.xml"));
        assertThat(delivered).hasSize(65_536);
        assertThat(IntStream.range(0, delivered.length).map(i -> delivered[i]).distinct().count()).isEqualTo(1);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("T1-receipt.xml");
        }
    }

    @org.junit.jupiter.api.Test
    void halfWrittenFilesOfAKilledRunAreRemovedAndNothingElse() throws Exception {
        Path folder = Files.createDirectories(data.resolve("outbox").resolve("5790001000011"));
        NodeId node = NodeId.random();
        Files.writeString(folder.resolve(".T1.xml." + node + ".18c4f2a0b0000.tmp"), "<Emessage>half");
        Files.writeString(folder.resolve("T2.xml"), "<Emessage/>");
        Files.writeString(folder.resolve(".hidden"), "the recipient's own");
        Files.writeString(folder.resolve("report.tmp"), "the recipient's own");
        Deliverer deliverer = new Deliverer(new GatewayProperties(data), null, FolderWriter.ownerOnly(data.resolve("outbox"), true, node));

        assertThat(deliverer.removeUnfinishedWrites()).isEqualTo(1);

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("T2.xml", ".hidden", "report.tmp");
        }
    }
}
