package dk.region.medcom.gateway.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DIS01 (udskrivningsepikrise), the letter type that is mapping data only
 * ({@code mapping/discharge-letter.yaml}): both directions on the project's own samples, and faults
 * reported with the segment and the position they are in. MedCom's vector is in ConformanceVectorsTest.
 */
class DischargeLetterTest {

    private static final EdifactTranslator TRANSLATOR = EdifactTranslator.withDefaultMappings();
    private static final Path DIS01 = Paths.get("samples", "dis01");
    private static final String FULL = latin1(DIS01.resolve("dis01-valid-hospital-to-gp.edi"));
    private static final String MINIMAL = latin1(DIS01.resolve("dis01-valid-replacement-cpr-without-referral.edi"));

    private static String latin1(Path path) {
        return new String(Conformance.read(path), StandardCharsets.ISO_8859_1);
    }

    private static Translation toXml(String edifact) {
        return TRANSLATOR.toXml(edifact.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The message with segments inserted or removed: UNT's count follows, so only the mapping can object. */
    private static String recounted(String edifact) {
        List<String> lines = List.of(edifact.split("\n"));
        long count = lines.stream().dropWhile(l -> !l.startsWith("UNH")).takeWhile(l -> !l.startsWith("UNZ")).count();
        return edifact.replaceFirst("UNT\\+\\d+\\+", "UNT+" + count + "+");
    }

    private static Finding firstError(Translation translation) {
        assertThat(translation.ok()).isFalse();
        return translation.findings().stream().filter(Finding::isError).findFirst().orElseThrow();
    }

    @Test
    void edifactToXmlAndBackGivesTheSameBytes() {
        for (String edifact : List.of(FULL, MINIMAL)) {
            Translation xml = toXml(edifact);
            assertThat(xml.findings()).filteredOn(Finding::isError).isEmpty();
            Translation back = TRANSLATOR.toEdifact(xml.output());
            assertThat(back.findings()).filteredOn(Finding::isError).isEmpty();
            assertThat(new String(back.output(), StandardCharsets.ISO_8859_1)).isEqualTo(edifact);
        }
    }

    @Test
    void xmlToEdifactAndBackGivesTheSameXml() {
        byte[] xml = Conformance.read(DIS01.resolve("dis01-valid-hospital-to-gp.xml"));
        Translation back = TRANSLATOR.toXml(TRANSLATOR.toEdifact(xml).output());
        assertThat(back.findings()).filteredOn(Finding::isError).isEmpty();
        assertThat(Conformance.outline(back.output())).isEqualTo(Conformance.outline(xml));
    }

    @Test
    void xmlPlacesValuesInSchemaOrderNotSegmentOrder() {
        String xml = new String(toXml(FULL).output(), StandardCharsets.UTF_8);
        // PAS (S11) goes into Patient (S07); the relative (S09) comes before the referral (S05)
        assertThat(xml).contains("<PostCodeIdentifier>9998</PostCodeIdentifier><EpisodeOfCareStatusCode>inaktiv</EpisodeOfCareStatusCode></Patient><Relative>");
        assertThat(xml.indexOf("<Relative>")).isLessThan(xml.indexOf("<Referral>"));
    }

    @Test
    void anUnknownCodeIsNamedBySegmentAndElement() {
        Finding finding = firstError(toXml(FULL.replace("NAD+PO+099991:YNR:SFU", "NAD+PO+099991:XXX:SFU")));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-CODE-UNKNOWN");
        assertThat(finding.location().segmentNumber()).isEqualTo(11);
        assertThat(finding.location().segmentTag()).isEqualTo("NAD");
        assertThat(finding.textEn()).isEqualTo("segment 11 NAD element 2 holds a code that is not in code list identifier-codes");
    }

    @Test
    void dataNoTemplateReadsIsNamedByElementAndComponent() {
        Finding finding = firstError(toXml(FULL.replace("SEQ++2'", "SEQ++2+X:Y'")));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-UNREAD-DATA");
        assertThat(finding.location().segmentNumber()).isEqualTo(13);
        assertThat(finding.textEn()).isEqualTo("segment 13 SEQ element 3 component 1 holds data that the translation does not carry over");
    }

    @Test
    void aConstantWithAnotherValueIsNotReplacedButReported() {
        Finding finding = firstError(toXml(FULL.replace("RFF+AHI:1'", "RFF+AHI:2'")));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-UNREAD-DATA");
        assertThat(finding.textEn()).startsWith("segment 35 RFF element 1 component 2");
    }

    @Test
    void aGroupTheTypeDoesNotHaveIsUnexpected() {
        Finding finding = firstError(toXml(recounted(FULL.replace("S07+07'", "S06+06'\nSTS++NR'\nS07+07'"))));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-UNEXPECTED-SEGMENT");
        assertThat(finding.location().segmentNumber()).isEqualTo(27);
        assertThat(finding.location().segmentTag()).isEqualTo("S06");
    }

    @Test
    void aMissingMandatoryGroupIsNamedWithWhereItBelongs() {
        String withoutPatient = FULL.replaceAll("S07\\+07'\nPNA\\+PAT[^\n]*\nADR[^\n]*\n", "");
        Finding finding = firstError(toXml(recounted(withoutPatient)));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-MISSING");
        assertThat(finding.location().segmentTag()).isEqualTo("S09");
        assertThat(finding.textEn()).isEqualTo("group S07 (PNA+PAT) before segment 27 S09 is missing");
    }

    @Test
    void aBadDateIsNamedBySegmentAndElement() {
        Finding finding = firstError(toXml(FULL.replace("DTM+90:202602240800:203", "DTM+90:202602300800:203")));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-DATE");
        assertThat(finding.textEn()).isEqualTo("segment 37 DTM element 1 is not a valid date or time");
    }

    @Test
    void aRepeatedValueThatDisagreesIsAConflict() {
        Finding finding = firstError(toXml(FULL.replace("RFF+SRI:EPI20260303A", "RFF+SRI:EPI20260303B")));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-CONFLICT");
        assertThat(finding.location().segmentTag()).isEqualTo("RFF");
    }

    @Test
    void xmlWithoutAPatientIsRefusedWithItsPath() {
        String xml = new String(Conformance.read(DIS01.resolve("dis01-valid-hospital-to-gp.xml")), StandardCharsets.UTF_8)
                .replaceAll("<Patient>.*</Patient>", "");
        Translation translation = TRANSLATOR.toEdifact(xml.getBytes(StandardCharsets.UTF_8));
        Finding finding = firstError(translation);
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-MISSING");
        assertThat(finding.location().xpath()).isEqualTo("/Emessage/DischargeLetter");
        assertThat(translation.output()).isNull();
    }

    @Test
    void xmlWithAnUnknownCodeIsRefusedWithItsPath() {
        String xml = new String(Conformance.read(DIS01.resolve("dis01-valid-hospital-to-gp.xml")), StandardCharsets.UTF_8)
                .replace("<RelationCode>uspec_paaroerende</RelationCode>", "<RelationCode>fætter</RelationCode>");
        Finding finding = firstError(TRANSLATOR.toEdifact(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-CODE-UNKNOWN");
        assertThat(finding.location().xpath()).isEqualTo("/Emessage/DischargeLetter/Relative/RelationCode");
    }

    @Test
    void xmlDataNoTemplateTakesIsRefusedNotDropped() {
        String xml = new String(Conformance.read(DIS01.resolve("dis01-valid-hospital-to-gp.xml")), StandardCharsets.UTF_8)
                .replace("<RelationCode>uspec_paaroerende</RelationCode>",
                        "<RelationCode>uspec_paaroerende</RelationCode><PersonIdentifier>0101701234</PersonIdentifier>");
        Finding finding = firstError(TRANSLATOR.toEdifact(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(finding.ruleId()).isEqualTo("EDI-XML-UNREAD-DATA");
        assertThat(finding.location().xpath()).isEqualTo("/Emessage/DischargeLetter/Relative/PersonIdentifier");
        assertThat(finding.textEn()).doesNotContain("0101701234");
    }
}
