package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.MessageState;
import dk.region.medcom.gateway.message.Excerpt;
import dk.region.medcom.gateway.message.TrackingId;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bad input is quarantined with a reason, its original kept byte for byte, and the gateway keeps
 * running; nothing stays behind in inbox/.
 */
@GatewayIntegrationTest
class BadInputTests extends GatewayTestSupport {

    @Autowired
    Journal journal;
    @Autowired
    JdbcClient jdbc;

    static final String SENDER_LOCATION = "5790000100019";
    /** CPR-shaped, in no sample: it must not come out anywhere but the quarantined original. */
    static final String CPR = "2512489996";

    /**
     * A letter id longer than the journal keeps, holding a CPR number, and a 5,000-digit receiver: once
     * the letter id made the journal write fail on every redelivery, with the value in each stack trace.
     * Now parse refuses both by place; it is quarantined once, answered, journaled QUARANTINED, and no
     * log line, finding or error file carries the CPR number or more than a bounded excerpt.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anOverlongLetterIdWithACprNumberAndAHugeReceiverAreRefusedByPlaceAndEchoedNowhere(CapturedOutput output)
            throws IOException {
        String marker = uniqueEnvelopeId();
        String hugeReceiver = "8".repeat(5000);
        String xml = new String(sampleTo(EntryPointsTests.VALID_XDIS91, marker, hugeReceiver), StandardCharsets.UTF_8)
                .replaceFirst("<Identifier>DIS[0-9]+</Identifier>", "<Identifier>" + CPR + "X".repeat(60) + "</Identifier>");
        drop(marker + ".xml", xml.getBytes(StandardCharsets.UTF_8));

        Path original = awaitFileContaining(quarantine(), marker);
        assertQuarantinedInJournal(original);
        TrackingId id = new TrackingId(trackingIdOf(original));
        awaitFile(outbox(SENDER_LOCATION), id.value() + "-receipt");

        String report = Files.readString(reportOf(original));
        assertThat(reasons(original).get("findings")).extracting(f -> f.get("ruleId").asText())
                .containsExactly("XML-VALUE-TOO-LONG", "XML-VALUE-TOO-LONG");
        assertThat(reasons(original).get("findings").get(0).get("xpath").asText())
                .isEqualTo("/Emessage/ClinicalEmail/Letter/Identifier");
        String journalFindings = journal.find(id).orElseThrow().history().stream()
                .map(e -> String.valueOf(e.detail())).reduce("", String::concat);
        for (String text : new String[] {report, journalFindings, output.getAll()}) {
            assertThat(text).doesNotContain(CPR).doesNotContain("8".repeat(Excerpt.MAX_CHARS + 1))
                    .doesNotContain("X".repeat(Excerpt.MAX_CHARS + 1));
        }
        assertThat(journal.find(id).orElseThrow().history()).filteredOn(e -> e.state() == MessageState.QUARANTINED)
                .hasSize(2); // the reject stage and the receipt
        // each entry lists its own stage's findings: the route carries on the message the recorder returned
        assertThat(journal.find(id).orElseThrow().history()).filteredOn(e -> "parse".equals(e.stage()))
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("XML-VALUE-TOO-LONG"));
        assertThat(journal.find(id).orElseThrow().history()).filteredOn(e -> "reject".equals(e.stage()))
                .isNotEmpty().allSatisfy(e -> assertThat(String.valueOf(e.detail())).doesNotContain("XML-VALUE-TOO-LONG"));
    }

    /**
     * A value that passes parse but that the journal still refuses (simulated: a constraint on the
     * letter id) is quarantined once, with one negative receipt, and the journal says QUARANTINED;
     * before, the message failed its journal write on every redelivery until it was a dead letter.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aMessageTheJournalRefusesIsQuarantinedOnceNotRedeliveredForEver(CapturedOutput output) throws Exception {
        String marker = uniqueEnvelopeId();
        String letterId = "POISON" + marker.substring(1, 9);
        jdbc.sql("alter table message add constraint refuse_poison check (letter_id not like 'POISON%')").update();
        try {
            String xml = new String(sampleWithEnvelopeId(EntryPointsTests.VALID_XDIS91, marker), StandardCharsets.UTF_8)
                    .replaceFirst("<Identifier>DIS[0-9]+</Identifier>", "<Identifier>" + letterId + "</Identifier>");
            drop(marker + ".xml", xml.getBytes(StandardCharsets.UTF_8));

            Path original = awaitFileContaining(quarantine(), marker);
            assertQuarantinedInJournal(original);
            TrackingId id = new TrackingId(trackingIdOf(original));
            assertThat(reasons(original).get("findings").get(0).get("ruleId").asText()).isEqualTo("JOURNAL-REFUSED");
            awaitFile(outbox(SENDER_LOCATION), id.value() + "-receipt");

            Thread.sleep(3000); // a redelivery loop would have tried again by now (the broker waits 1 s, then 2 s)
            assertThat(journal.find(id).orElseThrow().state()).isEqualTo(MessageState.QUARANTINED);
            assertThat(journal.find(id).orElseThrow().history()).filteredOn(e -> "reject".equals(e.stage())).hasSize(1);
            try (var files = Files.list(quarantine())) {
                assertThat(files.filter(f -> f.getFileName().toString().startsWith(id.value()))).hasSize(2);
            }
            try (var files = Files.list(outbox(SENDER_LOCATION))) {
                assertThat(files.filter(f -> f.getFileName().toString().startsWith(id.value()))).hasSize(1);
            }
            assertThat(findContaining(outbox(EntryPointsTests.RECIPIENT), marker)).isEmpty();
            assertThat(output.getAll()).contains("JournalWriteFailed").doesNotContain(letterId);
        } finally {
            jdbc.sql("alter table message drop constraint refuse_poison").update();
        }
    }

    /** Refused, not stripped: the gateway delivers XML as sent, so nothing with one reaches a recipient. */
    @Test
    void quarantinesXmlWithAProcessingInstructionAndDeliversNothing() throws IOException {
        String marker = uniqueEnvelopeId();
        String xml = new String(sampleWithEnvelopeId(EntryPointsTests.VALID_XDIS91, marker), StandardCharsets.UTF_8)
                .replace("<ClinicalEmail>", "<?xml-stylesheet type=\"text/xsl\" href=\"http://example.org/x.xsl\"?><ClinicalEmail>");
        drop(marker + ".xml", xml.getBytes(StandardCharsets.UTF_8));

        Path original = awaitFileContaining(quarantine(), marker);

        assertThat(reasons(original).get("findings").get(0).get("ruleId").asText()).isEqualTo("XML-PROCESSING-INSTRUCTION");
        assertQuarantinedInJournal(original);
        assertThat(findContaining(outbox(EntryPointsTests.RECIPIENT), marker)).isEmpty();
    }

    @Test
    void namesUtf16AsSuch() throws IOException {
        String marker = uniqueEnvelopeId();
        String xml = new String(sampleWithEnvelopeId(EntryPointsTests.VALID_XDIS91, marker), StandardCharsets.UTF_8)
                .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        drop(marker + ".xml", xml.getBytes(StandardCharsets.UTF_16)); // with a byte order mark

        Path report = awaitReportWithRule("XML-ENCODING-UTF16");

        assertThat(Files.readString(report)).contains("the message is UTF-16").doesNotContain("PARSE-UNKNOWN-FORMAT");
    }

    /** Two letters in one interchange are refused, never merged into one tracked letter. */
    @Test
    void quarantinesAnInterchangeWithTwoMessagesNamingTheSecondUnh() throws IOException {
        String marker = uniqueEnvelopeId();
        String valid = new String(sample("dis91/dis91-valid-hospital-to-gp.edi"), StandardCharsets.ISO_8859_1)
                .replace("KUV2026030201", marker);
        int unh = valid.indexOf("UNH+");
        int unz = valid.indexOf("UNZ+");
        String second = valid.substring(unh, unz);
        String unhRef = second.substring(4, second.indexOf('+', 4));
        String two = valid.substring(0, unz) + second.replace(unhRef, unhRef + "B")
                + valid.substring(unz).replaceFirst("UNZ\\+1\\+", "UNZ+2+");
        drop(marker + ".edi", two.getBytes(StandardCharsets.ISO_8859_1));

        Path original = awaitFileContaining(quarantine(), marker);

        JsonNode finding = reasons(original).get("findings").get(0);
        assertThat(finding.get("ruleId").asText()).isEqualTo("EDI-MORE-THAN-ONE-MESSAGE");
        assertThat(finding.get("segmentTag").asText()).isEqualTo("UNH");
        assertThat(finding.get("segmentNumber").asInt()).isGreaterThan(2); // not the first UNH (segment 2)
        assertQuarantinedInJournal(original);
    }

    @Test
    void quarantinesAFileThatIsNeitherXmlNorEdifact() throws IOException {
        String marker = uniqueEnvelopeId();
        byte[] garbage = ("%PDF-1.4 not a medcom message " + marker).getBytes(StandardCharsets.US_ASCII);
        drop("scan.pdf", garbage);

        Path original = awaitFileContaining(quarantine(), marker);

        assertThat(openQuarantined(original)).isEqualTo(garbage);
        assertThat(reasons(original).get("findings").get(0).get("ruleId").asText()).isEqualTo("PARSE-UNKNOWN-FORMAT");
        assertQuarantinedInJournal(original);
    }

    @Test
    void quarantinesAnEmptyFile() throws IOException {
        drop("empty.xml", new byte[0]);

        Path report = awaitReportWithRule("PARSE-EMPTY");

        Path original = report.resolveSibling(report.getFileName().toString().replace(".error.json", ""));
        assertThat(original).exists();
        assertThat(openQuarantined(original)).isEmpty(); // sealed: empty once opened
    }

    @Test
    void quarantinesAFileLargerThanTheLimitWithoutReadingIt() throws IOException {
        Path big = inbox().resolve(".big.xml.part");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(50L * 1024 * 1024);
        }
        Files.move(big, inbox().resolve("big.xml"));

        Path report = awaitReportWithRule("INGEST-TOO-LARGE");

        Path original = report.resolveSibling(report.getFileName().toString().replace(".error.json", ""));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(original));
        assertThat(openQuarantined(original)).hasSize(50 * 1024 * 1024); // sealed while streamed, whole once opened
        await().atMost(Duration.ofSeconds(10)).until(() -> find(inbox(), "big.xml").isEmpty());
    }

    @Test
    void quarantinesXmlWithADoctype() throws IOException {
        String marker = uniqueEnvelopeId();
        drop("dtd.xml", ("<?xml version=\"1.0\"?><!DOCTYPE Emessage [<!ENTITY a \"aaaa\">]>"
                + "<Emessage><!-- " + marker + " --></Emessage>").getBytes(StandardCharsets.UTF_8));

        Path original = awaitFileContaining(quarantine(), marker);

        assertThat(reasons(original).get("findings").get(0).get("ruleId").asText()).startsWith("XML-");
    }

    @Test
    void quarantinesXmlWithAnExternalEntityAndReadsNothingFromDisk() throws IOException {
        String marker = uniqueEnvelopeId();
        drop("xxe.xml", ("<?xml version=\"1.0\"?><!DOCTYPE Emessage [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<Emessage>&x;<!-- " + marker + " --></Emessage>").getBytes(StandardCharsets.UTF_8));

        Path original = awaitFileContaining(quarantine(), marker);

        String report = Files.readString(reportOf(original));
        assertThat(report).contains("XML-");
        assertThat(report).doesNotContain(Files.readString(Path.of("/etc/hostname")).trim());
    }

    /**
     * The valid XDIS91 sample with one structural part missing or wrong: each must end in quarantine
     * with its reasons, never fail over and over in a stage until it is DEAD_LETTER.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "without the Envelope      | (?s)<Envelope>.*</Envelope>                 | ",
        "without the Letter        | (?s)<Letter>.*</Letter>                     | ",
        "without a StatisticalCode | <StatisticalCode>XDIS91</StatisticalCode>   | ",
        "without a letter id       | <Identifier>DIS[0-9]+</Identifier>          | ",
        "without the Sender        | (?s)<Sender>.*</Sender>                     | ",
        "without the Receiver      | (?s)<Receiver>.*</Receiver>                 | ",
        "without the Patient       | (?s)<Patient>.*</Patient>                   | ",
        "under another namespace   | sundcom.dk/medcom.dk                        | example.org/other",
        "an unknown body element   | ClinicalEmail>                              | SomethingElse>"})
    void quarantinesAnXdis91WithAPartMissingOrWrong(String what, String part, String replacement) throws IOException {
        String marker = uniqueEnvelopeId();
        String valid = new String(sampleWithEnvelopeId("xdis91/xdis91-valid-needs-assessment.xml", marker),
                StandardCharsets.UTF_8);
        String broken = valid.replaceAll(part.strip(), replacement == null ? "" : replacement.strip());
        assertThat(broken).as(what).isNotEqualTo(valid);
        // the marker also after the root, for the cases that take the envelope id away
        byte[] bytes = (broken + "<!-- " + marker + " -->\n").getBytes(StandardCharsets.UTF_8);
        drop(marker + ".xml", bytes);

        Path original = awaitFileContaining(quarantine(), marker);

        assertThat(openQuarantined(original)).isEqualTo(bytes);
        assertThat(reasons(original).get("findings")).as(what).isNotEmpty();
        assertQuarantinedInJournal(original);
    }

    /** The same for the EDIFACT DIS91 sample, one segment missing or emptied. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = { // ' ends an EDIFACT segment, so not the quote
        "without the BGM            | BGM\\+[^']*'\\s*                    | ",
        "an unknown document code   | BGM\\+EPI                            | BGM+ZZZ",
        "without the patient        | PNA\\+PAT\\+[^']*'\\s*               | ",
        "a patient without a CPR    | PNA\\+PAT\\+0101904321:::CPR:IM      | PNA+PAT+",
        "a receiver without an id   | NAD\\+PO\\+099991:YNR:SFU            | NAD+PO+",
        "without the letter's UNH   | UNH\\+[^']*'\\s*                    | ",
        "without any free text      | FTX\\+[^']*'\\s*                    | "})
    void quarantinesADis91WithASegmentMissingOrEmptied(String what, String segment, String replacement)
            throws IOException {
        String marker = uniqueEnvelopeId();
        String valid = new String(sample("dis91/dis91-valid-hospital-to-gp.edi"), StandardCharsets.ISO_8859_1)
                .replace("KUV2026030201", marker);
        String broken = valid.replaceAll(segment.strip(), replacement == null ? "" : replacement.strip());
        assertThat(broken).as(what).isNotEqualTo(valid);
        byte[] bytes = broken.getBytes(StandardCharsets.ISO_8859_1);
        drop(marker + ".edi", bytes);

        Path original = awaitFileContaining(quarantine(), marker);

        assertThat(openQuarantined(original)).isEqualTo(bytes);
        assertThat(reasons(original).get("findings")).as(what).isNotEmpty();
        assertQuarantinedInJournal(original);
    }

    /** Nesting far deeper than any MedCom message: refused by the parser, not by a stack overflow later. */
    @Test
    void quarantinesXmlNestedTooDeeply() throws IOException {
        String marker = uniqueEnvelopeId();
        int depth = 100_000;
        byte[] deep = ("<?xml version=\"1.0\"?><Emessage xmlns=\"http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2006/07/01/\">"
                + "<Envelope><Identifier>" + marker + "</Identifier></Envelope>"
                + "<a>".repeat(depth) + "</a>".repeat(depth) + "</Emessage>").getBytes(StandardCharsets.UTF_8);
        drop(marker + ".xml", deep);

        Path original = awaitFileContaining(quarantine(), marker);

        assertThat(reasons(original).get("findings").get(0).get("ruleId").asText()).isEqualTo("XML-TOO-DEEP");
        assertQuarantinedInJournal(original);
    }

    @Test
    void keepsDeliveringAfterBadInput() {
        drop("junk.bin", new byte[] {0, 1, 2, 3, (byte) 0xFF});
        String marker = uniqueEnvelopeId();
        drop("after-junk.xml", sampleWithEnvelopeId(EntryPointsTests.VALID_XDIS91, marker));
        awaitFileContaining(outbox(EntryPointsTests.RECIPIENT), marker);
    }

    private void assertQuarantinedInJournal(Path original) {
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.find(new TrackingId(trackingIdOf(original)))
                .map(e -> e.state() == MessageState.QUARANTINED).orElse(false));
    }

    private static Path awaitReportWithRule(String ruleId) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            try (var files = Files.list(quarantine())) {
                return files.filter(f -> f.getFileName().toString().endsWith(".error.json"))
                        .filter(f -> readQuietly(f).contains("\"" + ruleId + "\"")).findFirst().orElse(null);
            }
        }, p -> p != null);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /** The quarantine report beside an original, once written (the original is written first). */
    static Path reportOf(Path original) {
        Path report = original.resolveSibling(original.getFileName() + ".error.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(report));
        return report;
    }

    static JsonNode reasons(Path original) throws IOException {
        Path report = reportOf(original);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(report));
        return new ObjectMapper().readTree(report.toFile());
    }
}
