package dk.region.medcom.gateway.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.parse.xml.HeaderReader;
import dk.region.medcom.gateway.parse.xml.XmlFactories;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class HeaderReaderTests {

    static final String NS = "http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2006/07/01/";

    @Test
    void readsEnvelopeLetterSenderAndReceiver() throws Exception {
        MessageHeader header = HeaderReader.read(parse("""
                <Emessage xmlns="%s"><Envelope><Identifier>ENV1</Identifier>
                <AcknowledgementCode>pluspositivkvitt</AcknowledgementCode></Envelope>
                <ClinicalEmail><Letter><Identifier>LET1</Identifier><VersionCode>XD9134L</VersionCode>
                <StatisticalCode>XDIS91</StatisticalCode></Letter>
                <Sender><EANIdentifier>5790000100019</EANIdentifier></Sender>
                <Receiver><EANIdentifier>5790001000011</EANIdentifier></Receiver></ClinicalEmail></Emessage>
                """.formatted(NS))).orElseThrow();

        assertThat(header).isEqualTo(new MessageHeader("XDIS91", "XD9134L", NS, "ClinicalEmail", "ENV1", "LET1",
                "5790000100019", "5790001000011", true));
    }

    @Test
    void aMissingAcknowledgementCodeMeansNoPositiveReceipt() throws Exception {
        MessageHeader header = HeaderReader.read(parse("<Emessage xmlns=\"" + NS + "\"><Envelope/><ClinicalEmail/></Emessage>"))
                .orElseThrow();

        assertThat(header.acknowledgementRequested()).isFalse();
        assertThat(header.receiverLocation()).isNull();
    }

    @Test
    void aMessageWithoutALetterHasTheUnknownType() throws Exception {
        MessageHeader header = HeaderReader.read(parse("<Emessage xmlns=\"" + NS + "\"><Envelope/><ClinicalEmail/></Emessage>"))
                .orElseThrow();

        assertThat(header.messageType()).isEqualTo(MessageHeader.UNKNOWN_TYPE);
    }

    @Test
    void aRootOtherThanEmessageIsNotMedcom() throws Exception {
        assertThat(HeaderReader.read(parse("<html/>"))).isEmpty();
    }

    @Test
    void tellsXmlFromOtherBytes() {
        assertThat(MessageParser.looksLikeXml(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '<'})).isTrue();
        assertThat(MessageParser.looksLikeXml("\n  <x/>".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(MessageParser.looksLikeXml("UNA:+.? '".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(MessageParser.looksLikeXml(new byte[0])).isFalse();
    }

    /** As the gateway reads it: elements know their line and column. */
    private static Document located(String xml) throws Exception {
        return new dk.region.medcom.gateway.parse.xml.SafeXmlParser().parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static Document parse(String xml) throws Exception {
        return XmlFactories.hardenedDomFactory().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void namesEveryValueLongerThanTheJournalKeepsByItsPlaceNotItsValue() throws Exception {
        String letterId = "0101701234" + "L".repeat(60);
        Document document = located("""
                <Emessage xmlns="%s"><Envelope><Identifier>ENV1</Identifier></Envelope>
                <ClinicalEmail><Letter><Identifier>%s</Identifier><VersionCode>XD9134L</VersionCode>
                <StatisticalCode>XDIS91</StatisticalCode></Letter>
                <Sender><EANIdentifier>5790000100019</EANIdentifier></Sender>
                <Receiver><EANIdentifier>%s</EANIdentifier></Receiver></ClinicalEmail></Emessage>
                """.formatted(NS, letterId, "9".repeat(5000)));

        var findings = HeaderReader.check(document);

        assertThat(findings).extracting(f -> f.ruleId()).containsExactly("XML-VALUE-TOO-LONG", "XML-VALUE-TOO-LONG");
        assertThat(findings.get(0).location().xpath()).isEqualTo("/Emessage/ClinicalEmail/Letter/Identifier");
        assertThat(findings.get(0).location().line()).isEqualTo(2);
        assertThat(findings.get(0).textEn()).isEqualTo("the value is 70 characters long; the gateway keeps at most 64");
        assertThat(findings.get(1).location().xpath()).isEqualTo("/Emessage/ClinicalEmail/Receiver/EANIdentifier");
        assertThat(findings).allSatisfy(f -> assertThat(f.toLine()).doesNotContain("0101701234").doesNotContain("9999"));
    }

    @Test
    void refusesASecondLetterInTheEmessage() throws Exception {
        Document document = located("<Emessage xmlns=\"" + NS + "\"><Envelope/><ClinicalEmail/>\n<ClinicalEmail/></Emessage>");

        var findings = HeaderReader.check(document);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("XML-MORE-THAN-ONE-LETTER");
            assertThat(f.location().xpath()).isEqualTo("/Emessage/ClinicalEmail[2]");
        });
    }
}
