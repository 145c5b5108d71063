package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.region.medcom.gateway.journal.Journal;
import dk.region.medcom.gateway.journal.MessageState;
import dk.region.medcom.gateway.message.TrackingId;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
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
        assertThat(Files.size(original)).isZero();
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
        assertThat(Files.size(original)).isEqualTo(50L * 1024 * 1024);
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

    static Path reportOf(Path original) {
        return original.resolveSibling(original.getFileName() + ".error.json");
    }

    static JsonNode reasons(Path original) throws IOException {
        Path report = reportOf(original);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(report));
        return new ObjectMapper().readTree(report.toFile());
    }
}
