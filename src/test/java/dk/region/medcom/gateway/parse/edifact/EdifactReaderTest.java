package dk.region.medcom.gateway.parse.edifact;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Severity;
import dk.region.medcom.gateway.testing.MedcomConformance;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Envelope faults of medcom-facts §6 (ENC0, UNB0-3, UNH0-2, UNT0-2, UNZ0-3) and hostile input,
 * each made by changing one thing in the DIS91_1 vector. In DIS91_1, UNB is segment 1, UNH 2,
 * the sender NAD 6, the last FTX 30, UNT 31 and UNZ 32.
 */
@MedcomConformance
class EdifactReaderTest {

    private static final String DIS91 = Vectors.text("DIS91_1.edi");
    private final EdifactReader reader = new EdifactReader((type, version) -> type.equals("MEDDIS") && version.equals("D9134L")
            || type.equals("CONTRL"));

    private Interchange read(String text) {
        return reader.read(Vectors.latin1(text));
    }

    private static Finding onlyError(Interchange interchange) {
        assertThat(interchange.findings()).filteredOn(Finding::isError).hasSize(1);
        return interchange.findings().stream().filter(Finding::isError).findFirst().orElseThrow();
    }

    private static void assertAt(Finding finding, String ruleId, int segment, String tag) {
        assertThat(finding.ruleId()).isEqualTo(ruleId);
        assertThat(finding.location().segmentNumber()).isEqualTo(segment);
        assertThat(finding.location().segmentTag()).isEqualTo(tag);
        assertThat(finding.location().byteOffset()).isNotNull().isGreaterThanOrEqualTo(0L);
    }

    @Test
    void readsTheVectorWithoutFindings() {
        Interchange interchange = read(DIS91);
        assertThat(interchange.findings()).isEmpty();
        assertThat(interchange.segments()).hasSize(32);
        assertThat(interchange.messages()).hasSize(1);
        Segment ftx = interchange.segments().get(27);
        assertThat(ftx.tag()).isEqualTo("FTX");
        assertThat(ftx.value(4, 2)).endsWith("undersøgelser \\");
        assertThat(ftx.value(4, 3)).isEqualTo("foretaget:");
    }

    @Test
    void givesTheByteOffsetOfEachSegment() {
        Interchange interchange = read(DIS91);
        for (Segment segment : interchange.segments()) {
            assertThat(DIS91.substring((int) segment.byteOffset())).startsWith(segment.tag());
        }
    }

    @Test
    void honoursCustomSeparatorsDeclaredInUna() {
        String custom = DIS91.substring(9).replace("?:", "\u0001").replace(":", "!").replace("+", "*")
                .replace("'", "~").replace("\u0001", ":");
        Interchange interchange = read("UNA!*.? ~" + custom);
        assertThat(interchange.findings()).isEmpty();
        assertThat(interchange.segments()).extracting(Segment::tag).isEqualTo(read(DIS91).segments().stream().map(Segment::tag).toList());
        assertThat(interchange.segments().get(27).value(4, 3)).isEqualTo("foretaget:");
    }

    @Test
    void readsWithoutUnaUsingDefaults() {
        Interchange interchange = read(DIS91.substring(DIS91.indexOf("UNB")));
        assertThat(interchange.findings()).isEmpty();
        assertThat(interchange.segments().get(0).byteOffset()).isZero();
    }

    @Test
    void rejectsUtf8BytesUnderUnoc() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        String utf8Name = new String("HILLERØD".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
                + new String(euro, StandardCharsets.ISO_8859_1);
        Interchange interchange = read(DIS91.replace("HILLERØD", utf8Name));
        Finding finding = onlyError(interchange);
        assertAt(finding, "EDI-ENC-CHARSET", 6, "NAD");
        assertThat(finding.textEn()).isEqualTo("byte 0x98 is not allowed in syntax UNOC");
        assertThat(interchange.findings()).extracting(Finding::ruleId).contains("EDI-ENC-UTF8");
    }

    @Test
    void rejectsEightBitBytesUnderUnob() {
        Interchange interchange = read(DIS91.replace("UNOC:3", "UNOB:3"));
        assertAt(interchange.findings().get(0), "EDI-ENC-CHARSET", 6, "NAD");
        assertThat(interchange.findings()).extracting(Finding::ruleId).containsOnly("EDI-ENC-CHARSET");
    }

    @Test
    void rejectsUnknownSyntaxIdentifier() {
        assertAt(onlyError(read(DIS91.replace("UNOC:3", "UNOY:3"))), "EDI-ENC-SYNTAX-ID", 1, "UNB");
    }

    @Test
    void rejectsUnbWithoutInterchangeReference() {
        Finding finding = onlyError(read(DIS91.replace("+KuvertNr012234++++0'", "'")));
        assertAt(finding, "EDI-UNB-INCOMPLETE", 1, "UNB");
        assertThat(finding.textEn()).isEqualTo("UNB lacks element 5 (interchange control reference)");
        assertThat(finding.textDa()).isEqualTo("UNB mangler element 5 (forsendelsens kontrolreference)");
    }

    @Test
    void rejectsMissingUnb() {
        String noUnb = DIS91.replaceFirst("UNB\\+[^']*'\\n", "");
        assertAt(onlyError(read(noUnb)), "EDI-UNB-MISSING", 1, "UNH");
    }

    @Test
    void rejectsRepeatedUnb() {
        String unb = DIS91.substring(DIS91.indexOf("UNB"), DIS91.indexOf("UNH"));
        assertAt(onlyError(read(DIS91.replace("UNH+", unb + "UNH+"))), "EDI-UNB-REPEATED", 2, "UNB");
    }

    @Test
    void rejectsSecondInterchangeAfterUnz() {
        assertAt(onlyError(read(DIS91 + DIS91.substring(9))), "EDI-UNB-SECOND-INTERCHANGE", 33, "UNB");
    }

    @Test
    void rejectsBareUnh() {
        assertAt(onlyError(read(DIS91.replace("UNH+BrevNr00129+MEDDIS:D:93A:UN:D9134L+DIS91'", "UNH'"))),
                "EDI-UNH-INCOMPLETE", 2, "UNH");
    }

    @Test
    void rejectsMissingUnh() {
        String noUnh = DIS91.replace("UNH+BrevNr00129+MEDDIS:D:93A:UN:D9134L+DIS91'\n", "").replace("UNT+30", "UNT+29");
        Interchange interchange = read(noUnh);
        assertAt(interchange.findings().get(0), "EDI-UNH-MISSING", 2, "BGM");
        assertThat(interchange.findings()).extracting(Finding::ruleId).containsOnly("EDI-UNH-MISSING", "EDI-UNZ-COUNT");
    }

    @Test
    void rejectsUntReferenceDifferentFromUnh() {
        Finding finding = onlyError(read(DIS91.replace("UNT+30+BrevNr00129", "UNT+30+BrevNr00130")));
        assertAt(finding, "EDI-UNT-REF", 31, "UNT");
        assertThat(finding.textEn()).isEqualTo("reference differs from the UNH reference in segment 2");
    }

    @Test
    void rejectsUntWithWrongSegmentCount() {
        Finding finding = onlyError(read(DIS91.replace("UNT+30+", "UNT+29+")));
        assertAt(finding, "EDI-UNT-COUNT", 31, "UNT");
        assertThat(finding.toLine()).contains("segment 31 UNT (byte ").endsWith(": count 29 but the message has 30 segments");
        assertThat(finding.textDa()).isEqualTo("antal 29, men brevet har 30 segmenter");
    }

    @Test
    void rejectsMissingUnt() {
        Interchange interchange = read(DIS91.replace("UNT+30+BrevNr00129'\n", ""));
        assertAt(interchange.findings().get(0), "EDI-UNT-MISSING", 2, "UNH");
    }

    @Test
    void rejectsBareUnt() {
        assertAt(onlyError(read(DIS91.replace("UNT+30+BrevNr00129'", "UNT'"))), "EDI-UNT-INCOMPLETE", 31, "UNT");
    }

    @Test
    void rejectsUnzReferenceDifferentFromUnb() {
        assertAt(onlyError(read(DIS91.replace("UNZ+1+KuvertNr012234", "UNZ+1+KuvertNr012235"))), "EDI-UNZ-REF", 32, "UNZ");
    }

    @Test
    void rejectsUnzWithWrongMessageCount() {
        Finding finding = onlyError(read(DIS91.replace("UNZ+1+", "UNZ+2+")));
        assertAt(finding, "EDI-UNZ-COUNT", 32, "UNZ");
        assertThat(finding.textEn()).isEqualTo("count 2 but the interchange has 1 messages");
    }

    @Test
    void rejectsUnzWithComponentSeparatorInsteadOfElementSeparator() {
        // StAEDI knows UNZ's layout and refuses the composite: the segment cannot be read at all
        assertAt(onlyError(read(DIS91.replace("UNZ+1+", "UNZ+1:"))), "EDI-SYNTAX", 32, "UNZ");
    }

    @Test
    void rejectsMissingUnz() {
        assertAt(onlyError(read(DIS91.replace("UNZ+1+KuvertNr012234'", ""))), "EDI-UNZ-MISSING", 31, "UNT");
    }

    @Test
    void rejectsUnknownMessageVersion() {
        Finding finding = onlyError(read(DIS91.replace("D9134L", "D9999L")));
        assertAt(finding, "EDI-UNH-TYPE-UNKNOWN", 2, "UNH");
        assertThat(finding.textEn()).isEqualTo("message type MEDDIS version D9999L is not known");
    }

    @Test
    void rejectsReleaseCharacterBeforeOrdinaryCharacter() {
        assertAt(onlyError(read(DIS91.replace("Mosebryggersen", "Mose?bryggersen"))), "EDI-SYNTAX-RELEASE", 19, "PNA");
    }

    @Test
    void rejectsSegmentTagThatIsNotThreeCharacters() {
        assertAt(onlyError(read(DIS91.replace("S07+07'", "S0+07'"))), "EDI-SYNTAX", 18, null);
    }

    @Test
    void rejectsTruncatedFile() {
        String truncated = DIS91.substring(0, DIS91.indexOf("Mosebryggersen"));
        assertAt(onlyError(read(truncated)), "EDI-SYNTAX-TRUNCATED", 19, "PNA");
    }

    @Test
    void rejectsBinaryGarbage() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        Interchange interchange = reader.read(garbage);
        assertAt(onlyError(interchange), "EDI-SYNTAX-NOT-EDIFACT", 1, null);
    }

    @Test
    void rejectsGarbageAfterAValidUnb() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Vectors.latin1(DIS91.substring(0, DIS91.indexOf("UNH"))));
        out.writeBytes(garbage);
        Interchange interchange = reader.read(out.toByteArray());
        assertThat(interchange.hasErrors()).isTrue();
        assertThat(interchange.findings()).allSatisfy(f -> assertThat(f.location().segmentNumber()).isNotNull());
    }

    @Test
    void rejectsTenMegabyteFreeText() {
        String huge = "A".repeat(10 * 1024 * 1024);
        Interchange interchange = read(DIS91.replace("FTX+NC+P00++overlæge K. Petersen", "FTX+NC+P00++" + huge));
        Finding finding = onlyError(interchange);
        assertAt(finding, "EDI-SYNTAX-TOO-LONG", 30, "FTX");
        assertThat(finding.textEn()).isEqualTo("element 4 is 10485760 characters long, more than 512");
    }

    @Test
    void neverPutsMessageContentInFindings() {
        Interchange interchange = read(DIS91.replace("UNH+BrevNr00129+MEDDIS", "UNH+BrevNr00129+1502824933"));
        assertThat(interchange.findings()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.textEn()).doesNotContain("1502824933");
            assertThat(f.textDa()).doesNotContain("1502824933");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void refusesALetterIdentifierLongerThanTheJournalKeepsAndNamesUnhElement1() {
        String longRef = "1502824933" + "X".repeat(60);
        Finding finding = onlyError(read(DIS91.replace("BrevNr00129", longRef)));
        assertAt(finding, "EDI-VALUE-TOO-LONG", 2, "UNH");
        assertThat(finding.textEn()).isEqualTo("UNH element 1 (message reference) is 70 characters long; the gateway keeps at most 64");
        assertThat(finding.toLine()).doesNotContain("1502824933").doesNotContain("XXXX");
    }

    @Test
    void refusesASenderLongerThanALocationNumberColumn() {
        Finding finding = onlyError(read(DIS91.replace("5790000120400:14", "5".repeat(100) + ":14")));
        assertAt(finding, "EDI-VALUE-TOO-LONG", 1, "UNB");
        assertThat(finding.textEn()).startsWith("UNB element 2 (sender) is 100 characters long");
    }

    @Test
    void namesTheSecondMessageOfAnInterchange() {
        int unh = DIS91.indexOf("UNH+");
        int unz = DIS91.indexOf("UNZ+");
        String message = DIS91.substring(unh, unz);
        String two = DIS91.substring(0, unz) + message.replace("BrevNr00129", "BrevNr00130") + "UNZ+2+KuvertNr012234'";
        assertThat(read(two).findings()).filteredOn(Finding::isError).isEmpty(); // the engine translates both
        Finding finding = new EnvelopeHeaderReader().secondMessage(Vectors.latin1(two)).orElseThrow();
        assertAt(finding, "EDI-MORE-THAN-ONE-MESSAGE", 32, "UNH");
        assertThat(new EnvelopeHeaderReader().secondMessage(Vectors.latin1(DIS91))).isEmpty();
    }
}
