package dk.region.medcom.gateway.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.testing.MedcomConformance;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DIS91's layout on the mapping engine (mapping/clinical-email.yaml), each made by one change to the
 * DIS91_1 vector: RFF+REI or RFF+AHI:1, MedCom's {@code _} for no organisation name, the subject in
 * the first S14 group (alone when there is no text), the limits, and the "(format 203)" finding.
 */
@MedcomConformance
class ClinicalEmailLayoutTest {

    private static final EdifactTranslator TRANSLATOR = EdifactTranslator.withDefaultMappings();
    private static final String EDI = new String(Conformance.read(Conformance.VECTORS.resolve("DIS91_1.edi")), StandardCharsets.ISO_8859_1);
    private static final String XML = new String(Conformance.read(Conformance.VECTORS.resolve("DIS91_1.xml")), Charset.forName("windows-1252"))
            .replace("windows-1252", "UTF-8");

    private static Translation toXml(String edifact) {
        return TRANSLATOR.toXml(edifact.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Translation toEdifact(String xml) {
        return TRANSLATOR.toEdifact(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> segments(Translation translation) {
        assertThat(translation.findings()).filteredOn(Finding::isError).isEmpty();
        return Conformance.segments(translation.output());
    }

    private static Finding firstError(Translation translation) {
        assertThat(translation.ok()).isFalse();
        return translation.findings().stream().filter(Finding::isError).findFirst().orElseThrow();
    }

    @Test
    void anEpisodeIdentifierIsWrittenAsRffReiAndReadBack() {
        String xml = XML.replace("<StatusCode>nytbrev</StatusCode>", "<StatusCode>nytbrev</StatusCode><EpisodeOfCareIdentifier>EP42</EpisodeOfCareIdentifier>");
        List<String> edifact = segments(toEdifact(xml));
        assertThat(edifact).contains("RFF+REI:EP42").doesNotContain("RFF+AHI:1");
        Translation back = TRANSLATOR.toXml(toEdifact(xml).output());
        assertThat(new String(back.output(), StandardCharsets.UTF_8)).contains("<EpisodeOfCareIdentifier>EP42</EpisodeOfCareIdentifier>");
        assertThat(segments(toEdifact(XML))).contains("RFF+AHI:1");
    }

    @Test
    void noOrganisationNameIsMedcomsUnderscoreBothWays() {
        String xml = XML.replace("<OrganisationName>Lægehuset</OrganisationName>", "");
        assertThat(segments(toEdifact(xml))).contains("NAD+PO+291714:YNR:SFU++_:Læge:Else Nielsen:::US");
        Translation back = TRANSLATOR.toXml(toEdifact(xml).output());
        assertThat(new String(back.output(), StandardCharsets.UTF_8)).doesNotContain("<OrganisationName>_").contains("<Receiver><EANIdentifier>5790000128700</EANIdentifier><Identifier>291714</Identifier><IdentifierCode>ydernummer</IdentifierCode><DepartmentName>");
        Finding sender = firstError(toXml(EDI.replace("++HILLERØD SYGEHUS:", "++_:")));
        assertThat(sender.ruleId()).isEqualTo("EDI-MAP-MISSING");
        assertThat(sender.location().segmentTag()).isEqualTo("NAD");
    }

    @Test
    void aSubjectWithoutClinicalInformationHasAnS14GroupOfItsOwn() {
        String xml = XML.replaceAll("<ClinicalInformation>.*</ClinicalInformation>", "");
        List<String> edifact = segments(toEdifact(xml));
        assertThat(edifact.subList(edifact.size() - 4, edifact.size())).containsExactly("S14+14", "FTX+OE+P00++Forundersøgelse",
                "UNT+27+BrevNr00129", "UNZ+1+KuvertNr012234");
        Translation back = TRANSLATOR.toXml(toEdifact(xml).output());
        assertThat(new String(back.output(), StandardCharsets.UTF_8)).contains("<Subject>Forundersøgelse</Subject>").doesNotContain("<ClinicalInformation");
    }

    @Test
    void theSubjectSharesOnlyTheFirstS14Group() {
        String xml = XML.replace("</ClinicalInformation>", "</ClinicalInformation><ClinicalInformation><Text01>Mere</Text01></ClinicalInformation>");
        List<String> edifact = segments(toEdifact(xml));
        assertThat(edifact).filteredOn(s -> s.startsWith("FTX+OE")).hasSize(1);
        assertThat(edifact).filteredOn("S14+14"::equals).hasSize(2);
        assertThat(edifact.get(edifact.indexOf("FTX+OE+P00++Forundersøgelse") - 1)).isEqualTo("S14+14");
    }

    @Test
    void theEleventhClinicalInformationIsAFinding() {
        String xml = XML.replace("</ClinicalInformation>", "</ClinicalInformation>" + "<ClinicalInformation><Text01>x</Text01></ClinicalInformation>".repeat(10));
        Finding finding = firstError(toEdifact(xml));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-TOO-MANY");
        assertThat(finding.textEn()).isEqualTo("more than 10 ClinicalInformation");
        assertThat(finding.location().xpath()).isEqualTo("/Emessage/ClinicalEmail/ClinicalInformation");
    }

    @Test
    void aFullTextGroupLeavesRoomForTheSubject() {
        String eight = "linje<Break/>".repeat(40); // 40 lines: eight FTX of five lines, all the first group has beside the subject
        assertThat(toEdifact(XML.replaceFirst("<Text01>[^§]*</Text01>", "<Text01>" + eight + "</Text01>")).ok()).isTrue();
        Finding finding = firstError(toEdifact(XML.replaceFirst("<Text01>[^§]*</Text01>", "<Text01>" + eight + "ni</Text01>")));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-TOO-MANY");
        assertThat(finding.textEn()).isEqualTo("more than 8 FTX segments (5 lines of 70 characters each) for one ClinicalInformation");
    }

    @Test
    void referencesAfterTheTextInItsGroupAreReadAndWrittenInAGroupOfTheirOwn() {
        byte[] sample = Conformance.read(java.nio.file.Paths.get("samples", "dis91", "dis91-valid-with-references.edi"));
        String edifact = new String(sample, StandardCharsets.ISO_8859_1);
        int second = edifact.indexOf("S14+14'", edifact.indexOf("S14+14'") + 1);
        String oneGroup = (edifact.substring(0, second) + edifact.substring(edifact.indexOf('\n', second) + 1)).replace("UNT+30+", "UNT+29+");
        Translation xml = toXml(oneGroup);
        assertThat(xml.findings()).filteredOn(Finding::isError).isEmpty();
        assertThat(new String(xml.output(), StandardCharsets.UTF_8).split("<Reference>", -1)).hasSize(4);
        assertThat(TRANSLATOR.toEdifact(xml.output()).output()).isEqualTo(sample);
    }

    @Test
    void anAuthorisationWithAnotherFormatCodeNamesFormat203() {
        Finding finding = firstError(toXml(EDI.replace("DTM+137:199812131202:203", "DTM+137:199812131202:102")));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-DATE");
        assertThat(finding.textEn()).isEqualTo("segment 4 DTM element 1 (format 203) is not a valid date or time");
    }
}
