package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.JournalEntry;
import dk.region.medcom.gateway.journal.MessageState;
import dk.region.medcom.gateway.message.TrackingId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Each entry point, end to end on the embedded broker: the message reaches the recipient's outbox. */
@GatewayIntegrationTest
class EntryPointsTests extends GatewayTestSupport {

    static final String VALID_XDIS91 = "xdis91/xdis91-valid-needs-assessment.xml";
    static final String RECIPIENT = "5790001000011";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    Journal journal;

    /** Issue #15: folder senders are bound to their location numbers through their own inbox folders. */
    @Test
    void aSenderFolderTakesOnlyLettersFromItsOwnLocationNumber() throws Exception {
        String own = uniqueEnvelopeId();
        String forged = uniqueEnvelopeId();
        dropInto("5790000100019", "own.xml", sampleWithEnvelopeId(VALID_XDIS91, own));
        dropInto("5790000111114", "forged.xml", sampleWithEnvelopeId(VALID_XDIS91, forged));

        awaitFileContaining(outbox(RECIPIENT), own);
        Path quarantined = awaitFileContaining(quarantine(), forged);
        assertThat(Files.readString(BadInputTests.reportOf(quarantined))).contains("INGEST-SENDER-NOT-FOLDER");
        assertThat(find(outbox(RECIPIENT), trackingIdOf(quarantined))).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> find(inbox().resolve("5790000111114"), "forged.xml").isEmpty());
    }

    @Test
    void aFolderThatIsNoSendersLocationNumberIsMovedAsideUnread() throws Exception {
        String marker = uniqueEnvelopeId();
        // made outside and moved in whole, as the gateway moves such a folder aside at its next look
        Path outside = Files.createDirectories(DATA_DIR.resolve("staging-" + marker).resolve("not-a-sender"));
        Files.write(outside.resolve("letter.xml"), sampleWithEnvelopeId(VALID_XDIS91, marker));
        Files.move(outside, inbox().resolve("not-a-sender"));

        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(inbox().resolve("not-a-sender")));
        assertThat(DATA_DIR.resolve("rejected-entries")).isDirectory();
        assertThat(findContaining(outbox(RECIPIENT), marker)).isEmpty();
    }

    private static void dropInto(String folder, String name, byte[] content) throws java.io.IOException {
        Path dir = Files.createDirectories(inbox().resolve(folder));
        Path temp = dir.resolve(name + ".part");
        Files.write(temp, content);
        Files.move(temp, dir.resolve(name));
    }

    /** Issue #16: nothing linked an inbox file's name to its tracking id. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void logsWhichInboxFileBecameWhichTrackingIdWithoutPersonalDataInTheName(CapturedOutput log) {
        String marker = uniqueEnvelopeId();
        drop("letter-0101904321.xml", sampleWithEnvelopeId(VALID_XDIS91, marker));

        String id = trackingIdOf(awaitFileContaining(outbox("5790001000011"), marker));

        assertThat(log.getAll()).contains("tracking=" + id + " inbox file 'letter-**********.xml' taken in")
                .doesNotContain("0101904321");
    }

    @Test
    void deliversAMessageDroppedIntoTheInbox() throws Exception {
        String marker = uniqueEnvelopeId();
        drop("letter.xml", sampleWithEnvelopeId(VALID_XDIS91, marker));

        Path delivered = awaitFileContaining(outbox(RECIPIENT), marker);

        assertThat(delivered.getFileName().toString()).endsWith(".xml");
        JournalEntry entry = await().atMost(Duration.ofSeconds(10))
                .until(() -> journal.find(new TrackingId(trackingIdOf(delivered))).orElse(null),
                        e -> e != null && e.history().size() == 7);
        assertThat(entry.state()).isEqualTo(MessageState.DELIVERED);
        assertThat(entry.source()).isEqualTo("folder");
        assertThat(entry.envelopeId()).isEqualTo(marker);
        assertThat(entry.recipientLocation()).isEqualTo(RECIPIENT);
        assertThat(entry.history()).extracting(JournalEntry.Event::stage).containsExactly(
                "ingest", "parse", "validate", "route", "translate", "deliver", "receipts");
        assertThat(entry.history()).extracting(JournalEntry.Event::state).containsExactly(
                MessageState.RECEIVED, MessageState.PARSED, MessageState.VALIDATED, MessageState.ROUTED,
                MessageState.TRANSLATED, MessageState.DELIVERED, MessageState.DELIVERED);
        await().atMost(Duration.ofSeconds(10)).until(() -> find(inbox(), "letter.xml").isEmpty());
        assertThat(new String(journal.bodies(new TrackingId(entry.trackingId())).get(dk.region.medcom.gateway.journal.BodyKind.ORIGINAL),
                java.nio.charset.StandardCharsets.UTF_8)).as("the journal keeps the original").contains(marker);
        assertThat(DATA_DIR.resolve("archive")).as("no copy in clear beside the journal").doesNotExist();
    }

    @Test
    void deliversAMessageSentToTheInboundQueue() {
        String marker = uniqueEnvelopeId();
        producer.sendBody("jms:queue:medcom.inbound", sampleWithEnvelopeId(VALID_XDIS91, marker));

        Path delivered = awaitFileContaining(outbox(RECIPIENT), marker);

        assertThat(awaitState(trackingIdOf(delivered), MessageState.DELIVERED).source()).isEqualTo("queue");
    }

    @Test
    void acceptsAPostedMessageWithATrackingIdAndLocation() {
        String marker = uniqueEnvelopeId();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);

        ResponseEntity<TrackingResponse> response = as(http, SENDER).postForEntity("/api/messages",
                new HttpEntity<>(sampleWithEnvelopeId(VALID_XDIS91, marker), headers), TrackingResponse.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = response.getBody().trackingId();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/messages/" + id);
        Path delivered = awaitFileContaining(outbox(RECIPIENT), marker);
        assertThat(trackingIdOf(delivered)).isEqualTo(id);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ResponseEntity<JournalView> view = as(http, SENDER).getForEntity("/api/messages/" + id, JournalView.class);
            assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(view.getBody().state()).isEqualTo("DELIVERED");
            assertThat(view.getBody().history()).hasSize(7);
        });
    }

    @Test
    void answersNotFoundForAnUnknownTrackingId() {
        assertThat(as(http, OPERATOR).getForEntity("/api/messages/" + TrackingId.newId(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as(http, OPERATOR).getForEntity("/api/messages/not-an-id", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesAnEmptyPost() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        assertThat(as(http, SENDER).postForEntity("/api/messages", new HttpEntity<>(new byte[0], headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private JournalEntry awaitState(String trackingId, MessageState state) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> journal.find(new TrackingId(trackingId)).orElse(null),
                        e -> e != null && e.state() == state);
    }

    record TrackingResponse(String trackingId) {
    }

    record JournalView(String trackingId, String state, List<Object> history) {
    }
}
