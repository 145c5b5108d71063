package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.region.medcom.gateway.journal.actions.EnvelopeRewriter;
import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.JournalEntry;
import dk.region.medcom.gateway.journal.JournalWriter;
import dk.region.medcom.gateway.journal.MessageState;
import dk.region.medcom.gateway.message.TrackingId;
import dk.region.medcom.gateway.route.RecipientDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Routing by municipality, per-recipient formats, every channel, receipts both ways and duplicates, end to end. */
@GatewayIntegrationTest
class RoutingAndReceiptsTests extends GatewayTestSupport {

    static final String VALID_XDIS91 = "xdis91/xdis91-valid-needs-assessment.xml";
    static final String SAMPLE_SENDER = "5790000100019";
    static final String EDIFACT_ONLY = "5790001000028";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ConsumerTemplate consumer;
    @Autowired
    Journal journal;
    @Autowired
    RecipientDirectory directory;
    @Autowired
    JournalWriter writer;

    @Nested
    class Channels {

        @Test
        void deliversToAQueueRecipientWithRoutingHeaders() {
            String marker = uniqueEnvelopeId();
            drop("to-queue.xml", sampleTo(VALID_XDIS91, marker, TestRecipients.QUEUE_RECIPIENT));

            Exchange delivered = consumer.receive("jms:queue:medcom.outbound." + TestRecipients.QUEUE_RECIPIENT, 20_000);

            assertThat(delivered).isNotNull();
            assertThat(new String(delivered.getMessage().getBody(byte[].class), StandardCharsets.UTF_8)).contains(marker);
            assertThat(delivered.getMessage().getHeader("medcomRecipient")).isEqualTo(TestRecipients.QUEUE_RECIPIENT);
            assertThat(delivered.getMessage().getHeader("medcomType")).isEqualTo("XDIS91");
            assertThat(delivered.getMessage().getHeader("medcomTrackingId", String.class)).hasSize(36);
        }

        @Test
        void retriesAnHttpRecipientThatFailsAndDeliversOnce() {
            String marker = uniqueEnvelopeId();
            TestRecipients.failuresToGive.set(1);
            drop("to-http.xml", sampleTo(VALID_XDIS91, marker, TestRecipients.HTTP_RECIPIENT));

            await().atMost(Duration.ofSeconds(30)).until(() -> TestRecipients.httpDeliveries.stream()
                    .anyMatch(b -> new String(b, StandardCharsets.UTF_8).contains(marker)));

            assertThat(TestRecipients.httpDeliveries.stream()
                    .filter(b -> new String(b, StandardCharsets.UTF_8).contains(marker))).hasSize(1);
            assertThat(TestRecipients.attemptsByDeliveryId.values()).anySatisfy(n -> assertThat(n.get()).isEqualTo(2));
        }
    }

    @Nested
    class Formats {

        @Test
        void translatesXmlToEdifactForARecipientThatTakesOnlyEdifact() throws IOException {
            String marker = uniqueEnvelopeId();
            drop("to-edifact.xml", sampleTo(VALID_XDIS91, marker, EDIFACT_ONLY));

            Path delivered = awaitFileContaining(outbox(EDIFACT_ONLY), marker);

            assertThat(delivered.getFileName().toString()).endsWith(".edi");
            String edifact = Files.readString(delivered, StandardCharsets.ISO_8859_1);
            assertThat(edifact).startsWith("UNA").contains("UNB+UNOC:3+" + SAMPLE_SENDER).contains("MEDDIS");
        }

        @Test
        void translatesEdifactToXmlForARecipientThatTakesXml() throws IOException {
            String marker = uniqueEnvelopeId();
            byte[] edifact = EnvelopeRewriter.withEnvelopeId(sample("dis91/dis91-valid-gp-to-municipality.edi"), marker)
                    .orElseThrow();
            drop("from-edifact.edi", edifact);

            Path delivered = awaitFileContaining(outbox("5790000987658"), marker);

            assertThat(delivered.getFileName().toString()).endsWith(".xml");
            assertThat(Files.readString(delivered)).contains("<Emessage").contains("XD9134L");
        }
    }

    @Nested
    class Enrichment {

        @Test
        void routesAReferralByTheResidenceMunicipalityAndWritesTheReceiverIn() throws IOException {
            String marker = uniqueEnvelopeId();
            String aalborg = directory.forMunicipality("851").get(0).locationNumber();
            drop("referral.xml", unaddressed("xref15/xref15-valid-rehabilitation.xml", marker));

            Path delivered = awaitFileContaining(outbox(aalborg), marker);

            String xml = Files.readString(delivered);
            assertThat(xml).contains("<EANIdentifier>" + aalborg + "</EANIdentifier>").doesNotContain("0000000000000");
            assertThat(xml).contains("<Identifier>851</Identifier>");
            JournalEntry entry = journal.find(new TrackingId(trackingIdOf(delivered))).orElseThrow();
            assertThat(entry.recipientLocation()).isEqualTo(aalborg);
        }

        @Test
        void explainsEachStepOfADecision() {
            String marker = uniqueEnvelopeId();
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_XML);
            JsonNode answer = as(http, OPERATOR).postForObject("/api/routing/explain", new HttpEntity<>(
                    unaddressed("xref15/xref15-valid-rehabilitation.xml", marker), headers), JsonNode.class);

            assertThat(answer.path("routed").asBoolean()).isTrue();
            assertThat(answer.path("municipality").asText()).isEqualTo("851");
            assertThat(answer.path("steps").toString()).contains("the message names no receiver location number")
                    .contains("residence municipality code 851 is Aalborg");
        }

        /** Issue #16: a letter to an unknown kommunenummer went to the patient's residence municipality. */
        @Test
        void neverGuessesPastAReceiverTheMessageNames() throws IOException {
            String marker = uniqueEnvelopeId();
            drop("to-999.xml", unknownReceiver("xref15/xref15-valid-rehabilitation.xml", marker));

            Path quarantined = awaitFileContaining(quarantine(), marker);
            assertThat(Files.readString(BadInputTests.reportOf(quarantined))).contains("ROUTE-UNKNOWN-RECIPIENT");
            Path receipt = awaitFile(outbox(SAMPLE_SENDER), trackingIdOf(quarantined) + "-receipt");
            String negative = Files.readString(receipt);
            assertThat(negative).contains("<RefuseCode>ukendt_lokationsnummer</RefuseCode>");
            // sent from the gateway's own location number, not from the unknown one
            assertThat(negative.replaceAll("\\s", "")).contains("<Sender><EANIdentifier>5799990000002</EANIdentifier>");
            String aalborg = directory.forMunicipality("851").get(0).locationNumber();
            assertThat(find(outbox(aalborg), trackingIdOf(quarantined))).isEmpty();
        }
    }

    @Nested
    class Receipts {

        @Test
        void sendsAPositiveReceiptToTheSenderWhenAsked() throws IOException {
            String marker = uniqueEnvelopeId();
            drop("ack.xml", sampleWithEnvelopeId(VALID_XDIS91, marker));

            Path delivered = awaitFileContaining(outbox("5790001000011"), marker);
            Path receipt = awaitFile(outbox(SAMPLE_SENDER), trackingIdOf(delivered) + "-receipt");

            String xml = Files.readString(receipt);
            assertThat(xml).contains("<PositiveReceipt>").contains("<OriginalEnvelopeIdentifier>" + marker);
        }

        @Test
        void sendsANegativeReceiptWithTheRefuseCodeForARejectedMessage() throws IOException {
            String marker = uniqueEnvelopeId();
            drop("bad.xml", sampleWithEnvelopeId("xdis91/xdis91-invalid-missing-patient.xml", marker));

            Path quarantined = awaitFileContaining(quarantine(), marker);
            Path receipt = awaitFile(outbox(SAMPLE_SENDER), trackingIdOf(quarantined) + "-receipt");

            assertThat(Files.readString(receipt)).contains("<NegativeReceipt>").contains("<RefuseCode>syntaksfejl</RefuseCode>");
        }

        @Test
        void tellsTheSenderOfAnUnroutableMessageThatTheLocationNumberIsUnknown() throws IOException {
            String marker = uniqueEnvelopeId();
            drop("nowhere.xml", unknownReceiver(VALID_XDIS91, marker));

            Path quarantined = awaitFileContaining(quarantine(), marker);
            Path receipt = awaitFile(outbox(SAMPLE_SENDER), trackingIdOf(quarantined) + "-receipt");

            assertThat(Files.readString(receipt)).contains("<RefuseCode>ukendt_lokationsnummer</RefuseCode>");
            assertThat(Files.readString(BadInputTests.reportOf(quarantined))).contains("ROUTE-UNKNOWN-RECIPIENT");
        }

        @Test
        void answersAnEdifactSenderInEdifact() throws IOException {
            String marker = uniqueEnvelopeId();
            byte[] edifact = EnvelopeRewriter.withEnvelopeId(sample("dis91/dis91-invalid-cpr-impossible-date.edi"), marker)
                    .orElseThrow();
            drop("bad.edi", edifact);

            Path quarantined = awaitFileContaining(quarantine(), marker);
            Path receipt = awaitFile(outbox("5790000123452"), trackingIdOf(quarantined) + "-receipt");

            assertThat(receipt.getFileName().toString()).endsWith(".edi");
            assertThat(Files.readString(receipt, StandardCharsets.ISO_8859_1)).contains("CONTRL").contains("UCI+" + marker);
        }

        @Test
        void neverAnswersAReceiptWithAReceipt() {
            String marker = uniqueEnvelopeId();
            drop("receipt-bad.xml", sampleWithEnvelopeId("receipts/receipt-invalid-unknown-refuse-code.xml", marker));

            Path quarantined = awaitFileContaining(quarantine(), marker);

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .until(() -> find(outbox(SAMPLE_SENDER), trackingIdOf(quarantined)).isEmpty()
                            && find(outbox("5790001000011"), trackingIdOf(quarantined)).isEmpty());
        }

        @Test
        void marksTheOriginalAcknowledgedWhenTheRecipientsReceiptComesBack() {
            String marker = uniqueEnvelopeId();
            drop("to-be-acked.xml", sampleWithEnvelopeId(VALID_XDIS91, marker));
            String original = trackingIdOf(awaitFileContaining(outbox("5790001000011"), marker));

            String receipt = new String(sampleWithEnvelopeId("receipts/receipt-valid-positive.xml", uniqueEnvelopeId()),
                    StandardCharsets.UTF_8)
                    .replaceFirst("<OriginalEnvelopeIdentifier>[^<]*", "<OriginalEnvelopeIdentifier>" + marker)
                    .replaceFirst("<OriginalLetterIdentifier>[^<]*", "<OriginalLetterIdentifier>DIS0000000101");
            drop("ack-from-municipality.xml", receipt.getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(20)).until(() -> journal.find(new TrackingId(original))
                    .map(e -> e.state() == MessageState.ACKNOWLEDGED).orElse(false));
        }
    }

    /** Issue #15: a sender's EANIdentifier named the receipt's folder, and anyone could acknowledge a letter. */
    @Nested
    class SenderIsNeverAPath {

        @Test
        void aSenderThatIsAPathIsRefusedAndNoReceiptIsWrittenAnywhere() throws IOException {
            // short enough for the journal's column, so only the path check stands in the way
            Path outside = Path.of("/tmp", "pwn" + System.nanoTime() % 1_000_000);
            for (String sender : List.of(outside.toString(), "../inbox", "..", "5790000100019/../../inbox")) {
                String marker = uniqueEnvelopeId();
                drop("forged.xml", withSender(sampleWithEnvelopeId(VALID_XDIS91, marker), sender));

                Path quarantined = awaitFileContaining(quarantine(), marker);
                TrackingId id = new TrackingId(trackingIdOf(quarantined));
                await().atMost(Duration.ofSeconds(20)).until(() -> hasEvent(id, "no receipt sent"));

                assertThat(Files.readString(BadInputTests.reportOf(quarantined))).as(sender)
                        .contains("ROUTE-SENDER-NOT-LOCATION-NUMBER");
                assertThat(outside).doesNotExist();
                assertThat(find(inbox(), id.value())).as("a receipt fed back into inbox/").isEmpty();
                assertThat(find(DATA_DIR.resolve("outbox"), id.value())).isEmpty();
            }
        }

        @Test
        void aRejectedLetterFromAPathSenderGetsNoReceiptEither() throws IOException {
            String marker = uniqueEnvelopeId();
            drop("forged-bad.xml", withSender(sampleWithEnvelopeId("xdis91/xdis91-invalid-missing-patient.xml", marker),
                    "../inbox"));

            Path quarantined = awaitFileContaining(quarantine(), marker);
            TrackingId id = new TrackingId(trackingIdOf(quarantined));
            await().atMost(Duration.ofSeconds(20)).until(() -> hasEvent(id, "no receipt sent"));
            assertThat(find(inbox(), id.value())).isEmpty();
        }

        @Test
        void aValidButUnknownSenderIsRefusedWithANamedFinding() throws IOException {
            String marker = uniqueEnvelopeId();
            drop("stranger.xml", withSender(sampleWithEnvelopeId(VALID_XDIS91, marker), "5790000000005"));

            Path quarantined = awaitFileContaining(quarantine(), marker);

            assertThat(Files.readString(BadInputTests.reportOf(quarantined))).contains("ROUTE-UNKNOWN-SENDER");
            assertThat(outbox("5790000000005")).doesNotExist();
        }

        @Test
        void aReceiptFromAnyoneButTheLettersReceiverAcknowledgesNothing() {
            String marker = uniqueEnvelopeId();
            drop("to-be-forged.xml", sampleWithEnvelopeId(VALID_XDIS91, marker));
            String original = trackingIdOf(awaitFileContaining(outbox("5790001000011"), marker));

            // a known party that is not the letter's receiver claims to acknowledge it
            String receiptEnvelope = uniqueEnvelopeId();
            String forged = new String(sampleWithEnvelopeId("receipts/receipt-valid-positive.xml", receiptEnvelope),
                    StandardCharsets.UTF_8)
                    .replaceFirst("<OriginalEnvelopeIdentifier>[^<]*", "<OriginalEnvelopeIdentifier>" + marker)
                    .replaceFirst("<OriginalLetterIdentifier>[^<]*", "<OriginalLetterIdentifier>DIS0000000101")
                    .replaceFirst("(<Sender>\\s*<EANIdentifier>)[^<]*", "$1" + "5790000111114");
            drop("forged-ack.xml", forged.getBytes(StandardCharsets.UTF_8));

            // the forged receipt is processed (it travels on to the letter's sender) ...
            awaitFileContaining(outbox(SAMPLE_SENDER), receiptEnvelope);
            // ... but the letter stays delivered, not acknowledged
            assertThat(journal.find(new TrackingId(original)).orElseThrow().state()).isEqualTo(MessageState.DELIVERED);
        }

        private boolean hasEvent(TrackingId id, String detail) {
            return journal.find(id).map(e -> e.history().stream()
                    .anyMatch(ev -> ev.detail() != null && ev.detail().contains(detail))).orElse(false);
        }

        private static byte[] withSender(byte[] xml, String sender) {
            return new String(xml, StandardCharsets.UTF_8)
                    .replaceFirst("(<Sender>\\s*<EANIdentifier>)[^<]*", "$1" + java.util.regex.Matcher.quoteReplacement(sender))
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    @Nested
    class DirectoryReload {

        @Test
        void deliversToARecipientAddedWhileTheGatewayRuns() throws IOException {
            String added = "5799990000035";
            Files.writeString(TestRecipients.fileFor(DATA_DIR), Files.readString(TestRecipients.fileFor(DATA_DIR)) + """
                      - location-number: "%s"
                        name: "Added while running"
                        channel: folder
                        formats: [XDIS91]
                    """.formatted(added));
            await().atMost(Duration.ofSeconds(10)).until(() -> directory.find(added).isPresent());
            String marker = uniqueEnvelopeId();

            drop("to-new.xml", sampleTo(VALID_XDIS91, marker, added));

            awaitFileContaining(outbox(added), marker);
        }

        /** Issue #16: after such a release the sender's receipt file was still the old negative one. */
        @Test
        void aMessageReleasedAfterTheDirectoryIsFixedGetsAPositiveReceiptInPlaceOfTheNegative() throws IOException {
            String later = "5799990000040";
            String marker = uniqueEnvelopeId();
            drop("to-later.xml", sampleTo(VALID_XDIS91, marker, later));
            Path quarantined = awaitFileContaining(quarantine(), marker);
            String id = trackingIdOf(quarantined);
            Path receipt = awaitFile(outbox(SAMPLE_SENDER), id + "-receipt");
            assertThat(Files.readString(receipt)).contains("<RefuseCode>ukendt_lokationsnummer</RefuseCode>");
            await().atMost(Duration.ofSeconds(10)).until(() -> journal.find(new TrackingId(id))
                    .map(e -> e.state() == MessageState.QUARANTINED).orElse(false));

            Files.writeString(TestRecipients.fileFor(DATA_DIR), Files.readString(TestRecipients.fileFor(DATA_DIR)) + """
                      - location-number: "%s"
                        name: "Added after the letter came"
                        channel: folder
                        formats: [XDIS91]
                    """.formatted(later));
            await().atMost(Duration.ofSeconds(10)).until(() -> directory.find(later).isPresent());
            assertThat(as(http, OPERATOR).postForEntity("/api/messages/" + id + "/release", null, String.class)
                    .getStatusCode().value()).isEqualTo(202);

            awaitFileContaining(outbox(later), marker);
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(receipt).contains("<PositiveReceipt>"));
            // its quarantine files are kept, but no longer among the open cases
            assertThat(find(quarantine(), id)).isEmpty();
            assertThat(quarantine().resolve("released").resolve(quarantined.getFileName())).isRegularFile();
            assertThat(quarantine().resolve("released").resolve(quarantined.getFileName() + ".error.json")).isRegularFile();
            JournalEntry entry = journal.find(new TrackingId(id)).orElseThrow();
            assertThat(entry.history().get(entry.history().size() - 1).detail()).startsWith("positive receipt");
        }
    }

    @Nested
    @ExtendWith(OutputCaptureExtension.class)
    class Duplicates {

        @Test
        void aResentLetterIsNotDeliveredAgainAndGetsTheSameReceipt() throws IOException {
            String marker = uniqueEnvelopeId();
            byte[] letter = sampleWithEnvelopeId(VALID_XDIS91, marker);
            drop("first.xml", letter);
            Path delivered = awaitFileContaining(outbox("5790001000011"), marker);
            Path receipt = awaitFile(outbox(SAMPLE_SENDER), trackingIdOf(delivered) + "-receipt");
            byte[] firstReceipt = Files.readAllBytes(receipt);
            Files.delete(receipt); // the sender took it

            drop("again.xml", letter);

            Path sentAgain = awaitFile(outbox(SAMPLE_SENDER), trackingIdOf(delivered) + "-receipt");
            assertThat(Files.readAllBytes(sentAgain)).isEqualTo(firstReceipt);
            assertThat(filesContaining(outbox("5790001000011"), marker)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> as(http, OPERATOR)
                    .getForObject("/api/messages?envelopeId=" + marker + "&state=DUPLICATE", JsonNode.class)
                    .path("items").size() == 1);
        }

        /** Issue #16: the README tour's invalid letter shares the valid one's identifiers and got its positive receipt. */
        @Test
        void anInvalidCopyOfADeliveredLetterIsRejectedForItsOwnFaultsWithANegativeReceipt() throws IOException {
            String marker = uniqueEnvelopeId();
            drop("good.xml", sampleWithEnvelopeId(VALID_XDIS91, marker));
            Path delivered = awaitFileContaining(outbox("5790001000011"), marker);
            awaitFile(outbox(SAMPLE_SENDER), trackingIdOf(delivered) + "-receipt");

            drop("bad-copy.xml", sampleWithEnvelopeId("xdis91/xdis91-invalid-missing-patient.xml", marker));

            Path quarantined = awaitFileContaining(quarantine(), marker);
            assertThat(Files.readString(BadInputTests.reportOf(quarantined))).doesNotContain("DUPLICATE");
            Path receipt = awaitFile(outbox(SAMPLE_SENDER), trackingIdOf(quarantined) + "-receipt");
            assertThat(Files.readString(receipt)).contains("<NegativeReceipt>");
            assertThat(filesContaining(outbox("5790001000011"), marker)).isEqualTo(1);
        }

        @Test
        void theSameIdentifiersWithOtherContentAreRefusedWithANegativeReceipt() throws IOException {
            String marker = uniqueEnvelopeId();
            byte[] letter = sampleWithEnvelopeId(VALID_XDIS91, marker);
            drop("original.xml", letter);
            Path delivered = awaitFileContaining(outbox("5790001000011"), marker);

            byte[] changed = new String(letter, StandardCharsets.UTF_8).replace("</Date>", "</Date><!-- changed -->")
                    .getBytes(StandardCharsets.UTF_8);
            drop("changed.xml", changed);

            Path quarantined = awaitFileContaining(quarantine(), marker);
            assertThat(Files.readString(BadInputTests.reportOf(quarantined))).contains("DUPLICATE-DIFFERENT-CONTENT")
                    .contains(trackingIdOf(delivered));
            Path receipt = awaitFile(outbox(SAMPLE_SENDER), trackingIdOf(quarantined) + "-receipt");
            assertThat(Files.readString(receipt)).contains("<NegativeReceipt>");
            assertThat(filesContaining(outbox("5790001000011"), marker)).isEqualTo(1);
        }

        @Test
        void aCorrectionOfALetterRejectedAfterValidationIsDeliveredWithAPositiveReceipt() throws IOException {
            String marker = uniqueEnvelopeId();
            drop("wrong-receiver.xml", unknownReceiver(VALID_XDIS91, marker));
            Path rejected = awaitFileContaining(quarantine(), marker);
            Path negative = awaitFile(outbox(SAMPLE_SENDER), trackingIdOf(rejected) + "-receipt");
            assertThat(Files.readString(negative)).contains("<NegativeReceipt>");

            drop("corrected.xml", sampleWithEnvelopeId(VALID_XDIS91, marker));

            Path delivered = awaitFileContaining(outbox("5790001000011"), marker);
            Path positive = awaitFile(outbox(SAMPLE_SENDER), trackingIdOf(delivered) + "-receipt");
            assertThat(Files.readString(positive)).contains("<PositiveReceipt>");
            assertThat(journal.find(new TrackingId(trackingIdOf(delivered))).orElseThrow().state())
                    .isIn(MessageState.DELIVERED, MessageState.ACKNOWLEDGED);
        }

        @Test
        void aCorrectionOfALetterRejectedByValidationIsDelivered() throws IOException {
            String marker = uniqueEnvelopeId();
            drop("invalid-first.xml", sampleWithEnvelopeId("xdis91/xdis91-invalid-missing-patient.xml", marker));
            awaitFileContaining(quarantine(), marker);

            drop("valid-then.xml", sampleWithEnvelopeId(VALID_XDIS91, marker));

            Path delivered = awaitFileContaining(outbox("5790001000011"), marker);
            Path positive = awaitFile(outbox(SAMPLE_SENDER), trackingIdOf(delivered) + "-receipt");
            assertThat(Files.readString(positive)).contains("<PositiveReceipt>");
        }

        @Test
        void twinsTakenInAtOnceAreDeliveredOnceAndTheOthersJournaledAsDuplicatesAfterRedelivery(CapturedOutput log)
                throws Exception {
            // commits are held until all twins pass the duplicate check, so the race (and the redelivery) happens every run
            // (each twin's stage=translate line, DEBUG, says it has passed and waits for the commit)
            ch.qos.logback.classic.Logger stages = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("medcom.pipeline");
            stages.setLevel(ch.qos.logback.classic.Level.DEBUG);
            int copies = 6; // fewer than the 8 pipeline consumers, so each twin has one of its own
            String marker = uniqueEnvelopeId();
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> hold = CompletableFuture.runAsync(() -> {
                try {
                    writer.inTransaction(() -> {
                        writer.write(() -> {
                            holding.countDown();
                            awaitQuietly(release);
                        });
                        return true;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<String> ids;
            try {
                assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
                List<String> dropped = new java.util.ArrayList<>();
                java.nio.file.attribute.FileTime now = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis());
                for (int i = 0; i < copies; i++) {
                    dropped.add(dropAt("twin-" + i + ".xml", sampleWithEnvelopeId(VALID_XDIS91, marker), now));
                }
                ids = dropped;
                await().atMost(Duration.ofSeconds(20)).until(() -> find(inbox(), "twin-").isEmpty());
                await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream()
                        .allMatch(id -> log.getAll().contains("stage=translate tracking=" + id + " ")));
            } finally {
                release.countDown();
                stages.setLevel(null);
            }
            hold.get(10, TimeUnit.SECONDS);

            JsonNode items = await().atMost(Duration.ofSeconds(30)).until(() -> as(http, OPERATOR)
                    .getForObject("/api/messages?envelopeId=" + marker, JsonNode.class).path("items"),
                    found -> found.size() == copies && found.findValuesAsText("state").stream()
                            .allMatch(state -> state.equals("DELIVERED") || state.equals("DUPLICATE")));
            assertThat(items.findValuesAsText("trackingId")).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(items.findValuesAsText("state")).filteredOn("DELIVERED"::equals).hasSize(1);
            String winner = trackingIdOf(awaitFileContaining(outbox("5790001000011"), marker));
            assertThat(filesContaining(outbox("5790001000011"), marker)).isEqualTo(1);
            for (JsonNode item : items) {
                String id = item.path("trackingId").asText();
                if (id.equals(winner)) {
                    assertThat(item.path("state").asText()).isEqualTo("DELIVERED");
                    continue;
                }
                assertThat(item.path("state").asText()).isEqualTo("DUPLICATE");
                assertThat(as(http, OPERATOR).getForObject("/api/messages/" + id, JsonNode.class).path("history")
                        .findValuesAsText("detail")).anyMatch(d -> d != null && d.contains("duplicate of " + winner));
                // its first attempt lost the race: its journal commit failed, and the broker redelivered it
                assertThat(log.getAll()).contains("the journal could not commit the writes for [" + id + "]");
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A receiver the gateway cannot know: an unlisted location number and a municipality code that does not exist. */
    /** The sample with a receiver that names neither a location number nor a municipality. */
    private static byte[] unaddressed(String sample, String envelopeId) {
        String xml = new String(sampleTo(sample, envelopeId, "0000000000000"), StandardCharsets.UTF_8);
        return xml.replaceFirst("(<Receiver>\\s*<EANIdentifier>[^<]*</EANIdentifier>\\s*<Identifier>)[^<]*(</Identifier>\\s*<IdentifierCode>)[^<]*",
                        "$1123456$2sorkode")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] unknownReceiver(String sample, String envelopeId) {
        String xml = new String(sampleTo(sample, envelopeId, "5790009999994"), StandardCharsets.UTF_8);
        return xml.replaceFirst("(<Receiver>\\s*<EANIdentifier>[^<]*</EANIdentifier>\\s*<Identifier>)[^<]*", "$1999")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static long filesContaining(Path folder, String marker) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(marker);
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }
}
