package dk.region.medcom.gateway.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.route.Channel;
import dk.region.medcom.gateway.route.Recipient;
import dk.region.medcom.gateway.system.GatewayProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A folder delivery, synced to disk or not: the whole message under its final name, nothing else. */
class DelivererTests {

    private static final Recipient RECIPIENT =
            new Recipient("5790001000014", "Test", Channel.folder(), Set.of("XML"), true);

    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFolderDeliveryLeavesTheWholeMessageUnderItsFinalNameAndReplacesAnEarlierOne(boolean syncFiles)
            throws Exception {
        Deliverer deliverer = new Deliverer(new GatewayProperties(data), null, syncFiles);
        byte[] large = "<Emessage>".concat("x".repeat(200_000)).concat("</Emessage>").getBytes(StandardCharsets.UTF_8);

        deliverer.send(RECIPIENT, MessageFormat.XML, "<first/>".getBytes(StandardCharsets.UTF_8), "T1", Map.of());
        deliverer.send(RECIPIENT, MessageFormat.XML, large, "T1", Map.of());
        deliverer.send(RECIPIENT, MessageFormat.EDIFACT, "UNA:+.? '".getBytes(StandardCharsets.UTF_8), "T2", Map.of());

        Path folder = data.resolve("outbox").resolve("5790001000014");
        assertThat(Files.readAllBytes(folder.resolve("T1.xml"))).isEqualTo(large);
        assertThat(folder.resolve("T2.edi")).hasContent("UNA:+.? '");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("T1.xml", "T2.edi");
        }
    }
}
