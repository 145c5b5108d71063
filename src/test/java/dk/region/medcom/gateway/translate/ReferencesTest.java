package dk.region.medcom.gateway.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.testing.MedcomConformance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** References (FTX+BIN/URL/SUP ⇄ Reference) in DIS91 and REF01: both round trips, MedCom's XSD, and the limits as findings. */
class ReferencesTest {

    private static final EdifactTranslator TRANSLATOR = EdifactTranslator.withDefaultMappings();
    private static final Path DIS91 = Paths.get("samples", "dis91", "dis91-valid-with-references.edi");
    private static final Path DIS91_XML = Paths.get("samples", "dis91", "dis91-valid-with-references.xml");
    private static final Path REF01_XML = Paths.get("samples", "ref01", "ref01-valid-gp-to-orthopaedics.xml");
    private static final String REFERENCES = "<Reference><RefDescription>Foto: knæet set forfra</RefDescription><BIN>"
            + "<ObjectIdentifier>KNAE-0001</ObjectIdentifier><ObjectCode>billede</ObjectCode>"
            + "<ObjectExtensionCode>tiff</ObjectExtensionCode><OriginalObjectSize>1048576</OriginalObjectSize></BIN></Reference>"
            + "<Reference><RefDescription>Patientvejledning</RefDescription><URL>https://example.org/knae?side=1&amp;sprog=da</URL></Reference>"
            + "<Reference><RefDescription>MR-beskrivelse eftersendes</RefDescription><SUP>true</SUP></Reference>";

    private static String text(byte[] bytes, java.nio.charset.Charset charset) {
        return new String(bytes, charset);
    }

    private static Finding firstError(Translation translation) {
        assertThat(translation.ok()).isFalse();
        return translation.findings().stream().filter(Finding::isError).findFirst().orElseThrow();
    }

    @MedcomConformance
    @Test
    void dis91ReferencesOfEachKindSurviveEdifactToXmlAndBack() {
        byte[] edifact = Conformance.read(DIS91);
        Translation xml = TRANSLATOR.toXml(edifact);
        assertThat(xml.findings()).filteredOn(Finding::isError).isEmpty();
        Conformance.assertValid(xml.output());
        assertThat(Conformance.outline(xml.output())).contains(
                "/Emessage/ClinicalEmail/Reference/BIN/ObjectCode = billede",
                "/Emessage/ClinicalEmail/Reference/BIN/ObjectExtensionCode = jpeg",
                "/Emessage/ClinicalEmail/Reference/RefDescription = Foto af såret 31.12: dag 3",
                "/Emessage/ClinicalEmail/Reference/URL = https://example.org/patientvejledninger/saarpleje/efter-operation"
                        + "?sprog=da&afsnit=skift-af-forbinding+plaster&version=2025:12",
                "/Emessage/ClinicalEmail/Reference/SUP = true");
        assertThat(TRANSLATOR.toEdifact(xml.output()).output()).isEqualTo(edifact);
    }

    @MedcomConformance
    @Test
    void dis91ReferencesSurviveXmlToEdifactAndBack() {
        byte[] xml = Conformance.read(DIS91_XML);
        Conformance.assertValid(xml);
        Translation edifact = TRANSLATOR.toEdifact(xml);
        assertThat(edifact.findings()).filteredOn(Finding::isError).isEmpty();
        assertThat(Conformance.outline(TRANSLATOR.toXml(edifact.output()).output())).isEqualTo(Conformance.outline(xml));
    }

    @MedcomConformance
    @Test
    void ref01ReferencesSitInS12AndSurviveBothRoundTrips() {
        String sample = text(Conformance.read(REF01_XML), StandardCharsets.UTF_8);
        byte[] xml = sample.replace("</RelevantClinicalInformation>", "</RelevantClinicalInformation>" + REFERENCES)
                .getBytes(StandardCharsets.UTF_8);
        Conformance.assertValid(xml);
        Translation edifact = TRANSLATOR.toEdifact(xml);
        assertThat(edifact.findings()).filteredOn(Finding::isError).isEmpty();
        List<String> segments = Conformance.segments(edifact.output());
        int s12 = segments.indexOf("S12+12");
        assertThat(s12).isPositive();
        assertThat(segments.subList(s12, segments.size())).containsSubsequence(
                "FTX+BIN+P00++Foto?: knæet set forfra:KNAE-0001:IMG:TIF:1048576",
                "FTX+URL+P00++Patientvejledning:https?://example.org/knae??side=1&sprog=da",
                "FTX+SUP+P00++MR-beskrivelse eftersendes");
        Translation back = TRANSLATOR.toXml(edifact.output());
        assertThat(back.findings()).filteredOn(Finding::isError).isEmpty();
        Conformance.assertValid(back.output());
        assertThat(Conformance.outline(back.output())).isEqualTo(Conformance.outline(xml));
        assertThat(TRANSLATOR.toEdifact(back.output()).output()).isEqualTo(edifact.output());
    }

    @Test
    void theEleventhDis91ReferenceIsAFindingAtItsSegment() {
        Translation translation = TRANSLATOR.toXml(Conformance.read(Paths.get("samples", "dis91", "dis91-invalid-eleven-references.edi")));
        Finding finding = firstError(translation);
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-TOO-MANY");
        assertThat(finding.location().segmentTag()).isEqualTo("FTX");
        assertThat(finding.textEn()).isEqualTo("more than 10 references (FTX+BIN/URL/SUP)");
    }

    /** The DIS91 sample (three references) with {@code more} "sent later" (SUP) references, to EDIFACT. */
    private static Translation withMoreSupplementaryReferences(int more) {
        String xml = text(Conformance.read(DIS91_XML), StandardCharsets.UTF_8);
        String sup = "<Reference><RefDescription>Eftersendes</RefDescription><SUP>true</SUP></Reference>";
        return TRANSLATOR.toEdifact(xml.replace("</ClinicalEmail>", sup.repeat(more) + "</ClinicalEmail>")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theEleventhXmlReferenceIsAFindingAtThatElement() {
        Translation translation = withMoreSupplementaryReferences(8);
        Finding finding = firstError(translation);
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-TOO-MANY");
        assertThat(finding.location().xpath()).isEqualTo("/Emessage/ClinicalEmail/Reference");
    }

    @Test
    void tenReferencesTakeTwoS14GroupsOfAtMostNineFtx() {
        Translation edifact = withMoreSupplementaryReferences(7);
        assertThat(edifact.findings()).filteredOn(Finding::isError).isEmpty();
        List<String> segments = Conformance.segments(edifact.output());
        int lastText = segments.indexOf("FTX+NC+P00++Såret er skiftet og heler pænt. Se billedet og vejledningen.");
        List<String> after = segments.subList(lastText + 1, segments.size() - 2); // up to UNT and UNZ
        assertThat(after.get(0)).isEqualTo("S14+14");
        assertThat(after.get(10)).isEqualTo("S14+14");
        assertThat(after).hasSize(12);
    }

    @Test
    void aUrlLongerThanFourFtxLinesIsAFindingNotAnException() {
        String xml = text(Conformance.read(DIS91_XML), StandardCharsets.UTF_8);
        String longUrl = "https://example.org/" + "a".repeat(ReferenceEdifact.URL_EDIFACT_LENGTH);
        Translation translation = TRANSLATOR.toEdifact(xml.replaceFirst("<URL>[^<]*</URL>", "<URL>" + longUrl + "</URL>")
                .getBytes(StandardCharsets.UTF_8));
        Finding finding = firstError(translation);
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-TOO-LONG");
        assertThat(finding.textEn()).contains("Reference/URL (in FTX+URL)", String.valueOf(ReferenceEdifact.URL_EDIFACT_LENGTH));
    }

    @Test
    void binaryReferenceCodesAndSizeAreChecked() {
        String edifact = text(Conformance.read(DIS91), StandardCharsets.ISO_8859_1);
        Finding unknown = firstError(TRANSLATOR.toXml(edifact.replace(":IMG:JPG:", ":IMG:XYZ:").getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(unknown.ruleId()).isEqualTo("EDI-MAP-CODE-UNKNOWN");
        assertThat(unknown.textEn()).endsWith("code list object-extension-codes");
        Finding size = firstError(TRANSLATOR.toXml(edifact.replace(":JPG:296279'", ":JPG:0'").getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(size.ruleId()).isEqualTo("EDI-MAP-NOT-POSITIVE-INTEGER");
        assertThat(size.textEn()).contains("FTX element 4 component 5");
        Finding missing = firstError(TRANSLATOR.toXml(edifact.replace("FTX+SUP+P00++Røntgenbeskrivelse sendes med posten'", "FTX+SUP+P00'")
                .getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(missing.ruleId()).isEqualTo("EDI-MAP-MISSING");
    }

    @Test
    void urlWrapAndJoinAreInverse() {
        for (String url : List.of("x", "a".repeat(70), "a".repeat(71), "b".repeat(138) + ".", "c".repeat(69) + ".", "d".repeat(277), "e?:+'\\f".repeat(30))) {
            List<String> lines = FreeTextEdifact.wrapUnbroken(url);
            assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(FreeTextEdifact.LINE_LENGTH));
            assertThat(lines).doesNotContain(".");
            assertThat(FreeTextEdifact.joinUnbroken(lines)).isEqualTo(url);
        }
    }
}
