package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.region.medcom.gateway.journal.Journal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Delivery that fails, retries and gives up per recipient; receipts that do not come. */
@GatewayIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DeliveryTests extends GatewayTestSupport {

    static final String EDIFACT_PRACTICE = "5790001000028";

    @Autowired
    TestRestTemplate http;
    @Autowired
    Journal journal;

    private double deadLettersCounted() {
        double counted = sampleValue(http.getForObject("/actuator/prometheus", String.class), "medcom_dead_letters_total",
                "where", "deliver");
        assertThat(counted).as("medcom_dead_letters_total{where=deliver} is exported").isNotNaN();
        return counted;
    }

    @Test
    void deadLettersAfterTheLastAttemptWithoutHoldingUpOtherRecipientsAndCanBeResent() throws IOException {
        Path blocked = outbox(EDIFACT_PRACTICE);
        Path aside = blocked.resolveSibling(EDIFACT_PRACTICE + ".aside");
        if (Files.isDirectory(blocked)) {
            Files.move(blocked, aside);
        }
        Files.writeString(blocked, "a file where the recipient's folder should be: every delivery there fails");
        String failing = uniqueEnvelopeId();
        String fine = uniqueEnvelopeId();
        double deadBefore = deadLettersCounted();
        try {
            drop("to-practice.xml", addressedTo(EDIFACT_PRACTICE, failing));
            drop("to-kommune.xml", sampleWithEnvelopeId(EntryPointsTests.VALID_XDIS91, fine));

            awaitFileContaining(outbox(EntryPointsTests.RECIPIENT), fine);
            JsonNode dead = await().atMost(Duration.ofSeconds(20)).until(
                    () -> as(http, OPERATOR).getForObject("/api/messages?state=DEAD_LETTER&envelopeId=" + failing,
                            JsonNode.class), page -> page.path("total").asInt() == 1).path("items").get(0);
            String id = dead.path("trackingId").asText();
            JsonNode entry = as(http, OPERATOR).getForObject("/api/messages/" + id, JsonNode.class);
            assertThat(entry.path("history").findValuesAsText("detail")).anyMatch(d -> d.contains("failed 3 times"));
            // and counted for the alert (config/prometheus: MedcomDeadLetters)
            assertThat(deadLettersCounted()).isEqualTo(deadBefore + 1);
        } finally {
            Files.delete(blocked);
            if (Files.isDirectory(aside)) {
                Files.move(aside, blocked);
            }
        }

        String deadId = as(http, OPERATOR).getForObject("/api/messages?envelopeId=" + failing, JsonNode.class)
                .path("items").get(0).path("trackingId").asText();
        ResponseEntity<JsonNode> resent = as(http, OPERATOR).postForEntity("/api/messages/" + deadId + "/resend", null,
                JsonNode.class);
        assertThat(resent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        Path delivered = awaitFileContaining(outbox(EDIFACT_PRACTICE), resent.getBody().path("envelopeId").asText());
        assertThat(delivered.getFileName().toString()).endsWith(".edi");
    }

    @Test
    void listsDeliveredMessagesWhoseReceiptIsOverdueUntilTheReceiptComes(CapturedOutput log) {
        String envelopeId = uniqueEnvelopeId();
        drop("wants-receipt.xml", sampleWithEnvelopeId(EntryPointsTests.VALID_XDIS91, envelopeId));
        String id = trackingIdOf(awaitFileContaining(outbox(EntryPointsTests.RECIPIENT), envelopeId));

        await().atMost(Duration.ofSeconds(20)).until(() -> as(http, OPERATOR)
                .getForObject("/api/messages/unacknowledged", JsonNode.class).findValuesAsText("trackingId").contains(id));
        await().atMost(Duration.ofSeconds(10)).until(() -> log.getAll().contains("tracking=" + id + " envelope="));
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).containsPattern("medcom_messages_unacknowledged\\{[^}]*\\} [1-9]");

        // the recipient's positive receipt comes back through the inbox
        String receipt = new String(sampleWithEnvelopeId("receipts/receipt-valid-positive.xml", uniqueEnvelopeId()),
                java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("<OriginalEnvelopeIdentifier>[^<]*", "<OriginalEnvelopeIdentifier>" + envelopeId)
                .replaceFirst("<OriginalLetterIdentifier>[^<]*", "<OriginalLetterIdentifier>DIS0000000101");
        drop("receipt-for-" + envelopeId + ".xml", receipt.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(http, OPERATOR).getForObject("/api/messages/" + id,
                JsonNode.class).path("state").asText().equals("ACKNOWLEDGED"));

        assertThat(as(http, OPERATOR).getForObject("/api/messages/unacknowledged", JsonNode.class)
                .findValuesAsText("trackingId")).doesNotContain(id);
        assertThat(as(http, OPERATOR).getForObject("/api/messages/" + id, JsonNode.class).path("state").asText())
                .isEqualTo("ACKNOWLEDGED");
        assertThat(log.getAll().split("tracking=" + id + " envelope=", -1)).as("warned once").hasSize(2);
    }

    @Test
    void aFilePickedUpAgainAfterACrashIsNotDeliveredTwice() throws IOException {
        String envelopeId = uniqueEnvelopeId();
        byte[] letter = sampleWithEnvelopeId(EntryPointsTests.VALID_XDIS91, envelopeId);
        java.nio.file.attribute.FileTime modified = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        dropAt("picked-up-twice.xml", letter, modified);
        awaitFileContaining(outbox(EntryPointsTests.RECIPIENT), envelopeId);

        // as if the gateway had stopped before deleting the file: the same file (name, modification
        // time and bytes) is in inbox/ again
        await().atMost(Duration.ofSeconds(10)).until(() -> find(inbox(), "picked-up-twice.xml").isEmpty());
        dropAt("picked-up-twice.xml", letter, modified);

        await().atMost(Duration.ofSeconds(10)).until(() -> find(inbox(), "picked-up-twice.xml").isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(
                () -> countContaining(outbox(EntryPointsTests.RECIPIENT), envelopeId) == 1);
        assertThat(as(http, OPERATOR).getForObject("/api/messages?envelopeId=" + envelopeId, JsonNode.class)
                .path("total").asInt()).isEqualTo(1);
    }

    private static Path fileContaining(Path folder, String marker) throws IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return Files.readString(f, StandardCharsets.ISO_8859_1).contains(marker);
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().orElseThrow();
        }
    }

    private static long countContaining(Path folder, String marker) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> {
                        try {
                            return Files.readString(f, StandardCharsets.ISO_8859_1).contains(marker);
                        } catch (IOException e) {
                            return false;
                        }
                    }).count();
        }
    }

    private static byte[] addressedTo(String location, String envelopeId) {
        return new String(sampleWithEnvelopeId(EntryPointsTests.VALID_XDIS91, envelopeId), StandardCharsets.UTF_8)
                .replace("<EANIdentifier>" + EntryPointsTests.RECIPIENT + "</EANIdentifier>",
                        "<EANIdentifier>" + location + "</EANIdentifier>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
