package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

/**
 * What someone with a copy of the data folder sees once the gateway has stopped: no CPR number and
 * no sentence of a letter, in the broker's journal (large messages too), the journal database,
 * quarantine/ or anywhere else, outbox/ (deliveries for recipients) excepted.
 */
@GatewayIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DataAtRestTests extends GatewayTestSupport {

    /** Used by no sample, so a hit can only come from this test's messages. */
    private static final String CPR = "2512834410";

    @Autowired
    TestRestTemplate http;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    org.apache.camel.CamelContext camel;

    @Test
    void noCprNumberOrLetterTextInClearAnywhereInTheDataFolderOnceStopped() throws Exception {
        String marker = uniqueEnvelopeId();
        String byFolder = "F" + marker.substring(2);
        String byHttp = "H" + marker.substring(2);
        String phrase = "Zebrafrokost" + marker.substring(1);
        drop("folder.xml", letter(byFolder, phrase));
        String httpId = post(letter(byHttp, phrase), SENDER);
        byte[] rejected = ("not a medcom letter " + CPR + " " + phrase).getBytes(StandardCharsets.US_ASCII);
        drop("rejected.txt", rejected);
        // over 100 KB: the broker keeps it as a large message, in a file of its own
        byte[] large = (CPR + " " + phrase + " ").repeat(6_000).getBytes(StandardCharsets.US_ASCII);
        assertThat(large.length).isGreaterThan(150_000);
        // as an operator: it names no sender, which a sender user may not post (HttpEntryTests)
        String largeId = post(large, OPERATOR);

        awaitFileContaining(outbox(EntryPointsTests.RECIPIENT), byFolder);
        awaitFileContaining(outbox(EntryPointsTests.RECIPIENT), byHttp);
        Path quarantined = awaitFileContaining(quarantine(), "not a medcom letter " + CPR);
        awaitFile(quarantine(), largeId);
        await().atMost(Duration.ofSeconds(20)).until(() -> state(httpId).equals("DELIVERED")
                && state(largeId).equals("QUARANTINED") && state(trackingIdOf(quarantined)).equals("QUARANTINED"));
        assertThat(operatorView(largeId)).as("the operator sees the original").isEqualTo(large);
        assertThat(operatorView(trackingIdOf(quarantined))).isEqualTo(rejected);

        // everything on disk: the broker syncs persistent messages as it takes them; H2 is told to
        // write and sync (closing the shared context here would break Spring's after-test steps)
        jdbc.sql("CHECKPOINT SYNC").update();
        camel.stop();

        List<Path> files = everyFileOutsideOutbox();
        assertThat(files).as("the broker's journal and the journal database are there")
                .anyMatch(f -> f.startsWith(DATA_DIR.resolve("artemis")))
                .anyMatch(f -> f.getFileName().toString().endsWith(".mv.db"));
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(content).as(DATA_DIR.relativize(file).toString()).doesNotContain(CPR).doesNotContain(phrase);
        }
        for (String owned : new String[] {"inbox", "quarantine", "artemis", "journal", "rejected-entries"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA_DIR.resolve(owned))))
                    .as(owned).isEqualTo("rwx------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(quarantined))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                DATA_DIR.resolve("journal").resolve("body-encryption.key")))).isEqualTo("rw-------");
    }

    private byte[] letter(String envelopeId, String phrase) {
        return new String(sampleWithEnvelopeId(EntryPointsTests.VALID_XDIS91, envelopeId), StandardCharsets.UTF_8)
                .replace("0101904016", CPR)
                .replace("Behovsvurdering ved afsluttet primær behandling.", phrase)
                .getBytes(StandardCharsets.UTF_8);
    }

    private String post(byte[] body, String[] user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        ResponseEntity<JsonNode> answer = as(http, user).postForEntity("/api/messages", new HttpEntity<>(body, headers),
                JsonNode.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(202);
        return answer.getBody().path("trackingId").asText();
    }

    private String state(String id) {
        return as(http, OPERATOR).getForObject("/api/messages/" + id, JsonNode.class).path("state").asText();
    }

    private byte[] operatorView(String id) {
        assertThat(as(http, SENDER).getForEntity("/api/messages/" + id + "/quarantined-original", byte[].class)
                .getStatusCode().value()).as("operators only").isEqualTo(403);
        return as(http, OPERATOR).getForObject("/api/messages/" + id + "/quarantined-original", byte[].class);
    }

    private static List<Path> everyFileOutsideOutbox() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(DATA_DIR)) {
            all.filter(f -> !f.startsWith(DATA_DIR.resolve("outbox"))).filter(Files::isRegularFile).forEach(files::add);
        }
        return files;
    }
}
