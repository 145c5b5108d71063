package dk.region.medcom.gateway.parse.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.testing.MedcomConformance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SafeXmlParserTest {

    private static final Path XDIS91 = Paths.get("samples", "xdis91");
    private static final String SMALL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a xmlns=\"urn:x\">\n  <b>æøå</b>\n</a>";

    private final SafeXmlParser parser = new SafeXmlParser();

    @Test
    void readsAValidSampleAndRemembersWhereEachElementStarts() throws Exception {
        Document document = parser.parse(sample("xdis91-valid-needs-assessment.xml"));

        Element patient = (Element) document.getElementsByTagNameNS("*", "CivilRegistrationNumber").item(0);
        assertThat(NodeLocations.of(patient).line()).isEqualTo(46);
        assertThat(NodeLocations.of(patient).column()).isEqualTo(32);
        assertThat(NodeLocations.xpath(patient)).isEqualTo("/Emessage/ClinicalEmail/Patient/CivilRegistrationNumber");
    }

    @Test
    void numbersRepeatedSiblingsInTheXPath() throws Exception {
        Document document = parser.parse(sample("xdis91-valid-formatted-text-and-reference.xml"));

        Element secondText = (Element) document.getElementsByTagNameNS("*", "Text01").item(1);
        assertThat(NodeLocations.xpath(secondText)).isEqualTo("/Emessage/ClinicalEmail/ClinicalInformation[2]/Text01");
    }

    @MedcomConformance
    @Test
    void readsWindows1252AsDeclared() throws Exception {
        Document document = parser.parse(Files.readAllBytes(Paths.get("..", "shared", "conformance", "vectors", "DIS91_1.xml")));

        assertThat(document.getElementsByTagNameNS("*", "OrganisationName").item(0).getTextContent()).isEqualTo("HILLERØD SYGEHUS");
    }

    @Test
    void refusesAnExternalEntityWithoutReadingTheFile() throws IOException {
        Path secret = Files.createDirectories(Paths.get("target", "xxe-test")).resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n<a>&x;</a>";

        Finding finding = refusal(xxe.getBytes(StandardCharsets.UTF_8));

        assertThat(finding.ruleId()).isEqualTo("XML-DTD");
        assertThat(finding.location().line()).isEqualTo(2);
        assertThat(finding.toLine()).doesNotContain("TOP-SECRET");
    }

    @Test
    void refusesTheXxeSample() {
        assertThat(refusal(sample("xdis91-invalid-xxe.xml")).ruleId()).isEqualTo("XML-DTD");
    }

    @Test
    void refusesABillionLaughsBeforeExpandingAnything() {
        assertThat(refusal(sample("xdis91-invalid-billion-laughs.xml")).ruleId()).isEqualTo("XML-DTD");
    }

    @Test
    void refusesAnExternalDtd() {
        assertThat(refusal(sample("xdis91-invalid-dtd.xml")).ruleId()).isEqualTo("XML-DTD");
    }

    @Test
    void refusesAMessageOverTheSizeLimitUnread() {
        Finding finding = catchThrowableOfType(() -> new SafeXmlParser(100).parse(new byte[101]),
                UnreadableXmlException.class).finding();

        assertThat(finding.ruleId()).isEqualTo("XML-TOO-LARGE");
        assertThat(finding.textEn()).contains("100 bytes");
    }

    @Test
    void acceptsAMessageExactlyAtTheSizeLimit() throws Exception {
        byte[] xml = SMALL.getBytes(StandardCharsets.UTF_8);

        assertThat(new SafeXmlParser(xml.length).parse(xml).getDocumentElement().getLocalName()).isEqualTo("a");
    }

    @Test
    void refusesUtf8BytesThatDeclareUtf16() {
        Finding finding = refusal(sample("xdis91-invalid-declares-utf16-but-utf8.xml"));

        assertThat(finding.ruleId()).isEqualTo("XML-ENCODING-MISMATCH");
        assertThat(finding.textEn()).contains("UTF-16");
    }

    @Test
    void refusesLatin1BytesThatDeclareUtf8AndSaysWhere() {
        Finding finding = refusal(sample("xdis91-invalid-declares-utf8-but-latin1.xml"));

        assertThat(finding.ruleId()).isEqualTo("XML-ENCODING-INVALID");
        assertThat(finding.location().line()).isEqualTo(30); // the first æ, in the sender's UnitName
    }

    @Test
    void refusesAByteOrderMarkThatContradictsTheDeclaration() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = SMALL.replace("UTF-8", "windows-1252").getBytes(StandardCharsets.UTF_8);
        byte[] xml = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, xml, 0, 3);
        System.arraycopy(body, 0, xml, 3, body.length);

        assertThat(refusal(xml).ruleId()).isEqualTo("XML-ENCODING-MISMATCH");
    }

    @Test
    void refusesAProcessingInstructionAndSaysWhere() {
        byte[] xml = SMALL.replace("<b>", "<?xml-stylesheet href=\"http://example.org/s.xsl\"?><b>").getBytes(StandardCharsets.UTF_8);

        Finding finding = refusal(xml);

        assertThat(finding.ruleId()).isEqualTo("XML-PROCESSING-INSTRUCTION");
        assertThat(finding.location().line()).isEqualTo(3);
        assertThat(finding.textEn()).doesNotContain("example.org");
    }

    @Test
    void tellsUtf16FromOtherBytes() {
        assertThat(SafeXmlParser.isUtf16(SMALL.getBytes(StandardCharsets.UTF_16))).isTrue();
        assertThat(SafeXmlParser.isUtf16("<a/>".getBytes(StandardCharsets.UTF_16LE))).isTrue();
        assertThat(SafeXmlParser.isUtf16(SMALL.getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void readsRealUtf16WithAByteOrderMark() throws Exception {
        byte[] xml = SMALL.replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16); // Java writes a BOM

        assertThat(parser.parse(xml).getDocumentElement().getTextContent()).contains("æøå");
    }

    @Test
    void refusesAnUnsupportedEncoding() {
        byte[] xml = SMALL.replace("UTF-8", "EBCDIC-XYZ").getBytes(StandardCharsets.UTF_8);

        assertThat(refusal(xml).ruleId()).isEqualTo("XML-ENCODING-UNSUPPORTED");
    }

    @Test
    void refusesXmlThatIsNotWellFormedWithLineAndColumn() {
        Finding finding = refusal(sample("xdis91-invalid-not-wellformed.xml"));

        assertThat(finding.ruleId()).isEqualTo("XML-NOT-WELLFORMED");
        assertThat(finding.location().line()).isEqualTo(47);
        assertThat(finding.location().column()).isPositive();
    }

    @Test
    void refusesElementsNestedDeeperThanAnyLetter() {
        String deep = "<a>".repeat(LocatingDomBuilder.MAX_DEPTH + 1) + "</a>".repeat(LocatingDomBuilder.MAX_DEPTH + 1);

        Finding finding = refusal(deep.getBytes(StandardCharsets.UTF_8));

        assertThat(finding.ruleId()).isEqualTo("XML-TOO-DEEP");
        assertThat(finding.location().line()).isEqualTo(1);
    }

    @Test
    void refusesAnEmptyMessage() {
        assertThat(refusal(new byte[0]).ruleId()).isEqualTo("XML-EMPTY");
    }

    @Test
    void neverEchoesMessageContentInTheReason() {
        byte[] xml = "<a><b>0101904016</c></a>".getBytes(StandardCharsets.UTF_8);

        Finding finding = refusal(xml);

        assertThat(finding.textEn() + finding.textDa()).doesNotContain("0101904016");
    }

    private Finding refusal(byte[] xml) {
        UnreadableXmlException e = catchThrowableOfType(() -> parser.parse(xml), UnreadableXmlException.class);
        assertThat(e).as("expected the message to be refused").isNotNull();
        return e.finding();
    }

    private static byte[] sample(String name) {
        try {
            return Files.readAllBytes(XDIS91.resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
