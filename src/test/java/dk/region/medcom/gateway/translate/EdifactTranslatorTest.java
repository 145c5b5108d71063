package dk.region.medcom.gateway.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.testing.MedcomConformance;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Faults the translation reports as findings, each made by one change to a vector. */
@MedcomConformance
class EdifactTranslatorTest {

    private static final EdifactTranslator TRANSLATOR = EdifactTranslator.withDefaultMappings();
    private static final String DIS91_EDI = new String(Conformance.read(Conformance.VECTORS.resolve("DIS91_1.edi")), StandardCharsets.ISO_8859_1);
    private static final String DIS91_XML = new String(Conformance.read(Conformance.VECTORS.resolve("DIS91_1.xml")), java.nio.charset.Charset.forName("windows-1252"));

    private static Translation toXml(String edifact) {
        return TRANSLATOR.toXml(edifact.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Translation toEdifact(String xml) {
        return TRANSLATOR.toEdifact(xml.replace("windows-1252", "UTF-8").getBytes(StandardCharsets.UTF_8));
    }

    private static Finding firstError(Translation translation) {
        assertThat(translation.ok()).isFalse();
        assertThat(translation.output()).isNull();
        return translation.findings().stream().filter(Finding::isError).findFirst().orElseThrow();
    }

    @Test
    void passesEnvelopeFindingsThrough() {
        Finding finding = firstError(toXml(DIS91_EDI.replace("UNT+30+", "UNT+29+")));
        assertThat(finding.ruleId()).isEqualTo("EDI-UNT-COUNT");
        assertThat(finding.location().segmentNumber()).isEqualTo(31);
    }

    @Test
    void rejectsUnknownEpisodeStatusCode() {
        Finding finding = firstError(toXml(DIS91_EDI.replace("PAS+POT", "PAS+XYZ")));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-CODE-UNKNOWN");
        assertThat(finding.location().segmentNumber()).isEqualTo(25);
        assertThat(finding.textEn()).isEqualTo("segment 25 PAS element 1 holds a code that is not in code list episode-status-codes");
    }

    @Test
    void rejectsCprWithImpossibleDateWithoutQuotingIt() {
        Finding finding = firstError(toXml(DIS91_EDI.replace("1502824933", "3202824933")));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-CPR");
        assertThat(finding.location().segmentNumber()).isEqualTo(19);
        assertThat(finding.textEn()).isEqualTo("segment 19 PNA element 2 is not a valid CPR number").doesNotContain("3202824933");
    }

    @Test
    void acceptsCprFailingModulus11() {
        // 1502824933 is the vector's; 1502824934 fails mod 11 but is date-valid: never rejected
        assertThat(toXml(DIS91_EDI.replace("1502824933", "1502824934")).ok()).isTrue();
    }

    @Test
    void rejectsOrganisationNameLongerThanTheXmlAllows() {
        Finding finding = firstError(toXml(DIS91_EDI.replace("HILLERØD SYGEHUS", "HILLERØD SYGEHUS OG OMEGNENS STORE KLINIK")));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-TOO-LONG");
        assertThat(finding.location().segmentNumber()).isEqualTo(6);
        assertThat(finding.textEn()).isEqualTo("segment 6 NAD element 4 is longer than 35 characters");
    }

    @Test
    void rejectsAlternativeIdentifierThatIsNotTenCharacters() {
        String alternative = DIS91_EDI.replace("PNA+PAT+1502824933:::CPR:IM+", "PNA+PAT+").replace("Knut Odvar'", "Knut Odvar'\nRFF+XPI:150282AB'")
                .replace("UNT+30", "UNT+31");
        Finding finding = firstError(toXml(alternative));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-LENGTH");
        assertThat(finding.location().segmentTag()).isEqualTo("RFF");
        assertThat(finding.location().segmentNumber()).isEqualTo(20);
    }

    @Test
    void rejectsSegmentOutOfPlace() {
        Finding finding = firstError(toXml(DIS91_EDI.replace("PAS+POT'", "PAS+POT'\nCIN+H'").replace("UNT+30", "UNT+31")));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-UNEXPECTED-SEGMENT");
        assertThat(finding.location().segmentTag()).isEqualTo("CIN");
        assertThat(finding.location().segmentNumber()).isEqualTo(26);
    }

    @Test
    void rejectsFreeTextLineLongerThanSeventy() {
        Finding finding = firstError(toXml(DIS91_EDI.replace("15.01.1999", "1".repeat(71))));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-TOO-LONG");
        assertThat(finding.location().segmentNumber()).isEqualTo(30);
    }

    @Test
    void warnsOnUnknownTextFormatAndWritesFixedFont() {
        Translation translation = toXml(DIS91_EDI.replace("FTX+NC+P00++overlæge", "FTX+NC+FZZ++overlæge"));
        assertThat(translation.ok()).isTrue();
        assertThat(translation.findings()).extracting(Finding::ruleId).contains("EDI-MAP-TEXT-FORMAT");
        assertThat(new String(translation.output(), StandardCharsets.UTF_8)).contains("<FixedFont>overlæge K. Petersen<Break/>15.01.1999<Break/></FixedFont>");
    }

    @Test
    void writesBoldTextAsMarkupAndBack() {
        Translation xml = toXml(DIS91_EDI.replace("FTX+NC+P00++overlæge", "FTX+NC+PF0++overlæge"));
        assertThat(new String(xml.output(), StandardCharsets.UTF_8)).contains("<Bold>overlæge K. Petersen<Break/>15.01.1999<Break/></Bold>");
        Translation back = TRANSLATOR.toEdifact(xml.output());
        assertThat(new String(back.output(), StandardCharsets.ISO_8859_1)).contains("FTX+NC+PF0++overlæge K. Petersen:15.01.1999'");
    }

    @Test
    void keepsTheTrailingSpaceMedcomsEnumerationHasInPatologi() {
        Translation xml = toXml(DIS91_EDI.replace("SPR+ORG+30:", "SPR+ORG+2522:"));
        assertThat(new String(xml.output(), StandardCharsets.UTF_8)).contains("<MedicalSpecialityCode>patologi </MedicalSpecialityCode>");
        Conformance.assertValid(xml.output());
        assertThat(new String(TRANSLATOR.toEdifact(xml.output()).output(), StandardCharsets.ISO_8859_1)).contains("SPR+ORG+2522:SKS:SST");
    }

    @Test
    void rejectsMalformedXmlWithItsPosition() {
        Finding finding = firstError(toEdifact(DIS91_XML.replace("</Envelope>", "</Envelop>")));
        assertThat(finding.ruleId()).isEqualTo("EDI-XML-MALFORMED");
        assertThat(finding.location().line()).isEqualTo(2);
    }

    @Test
    void rejectsXmlWithDoctype() {
        String hostile = DIS91_XML.replace("<Emessage", "<!DOCTYPE Emessage [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Emessage");
        assertThat(firstError(toEdifact(hostile)).ruleId()).isEqualTo("EDI-XML-MALFORMED");
    }

    @Test
    void rejectsCharacterOutsideLatin1() {
        Finding finding = firstError(toEdifact(DIS91_XML.replace("Knut Odvar", "Knut Ødvar\u0141")));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-NOT-LATIN1");
        assertThat(finding.location().xpath()).isEqualTo("/Emessage/ClinicalEmail/Patient/PersonGivenName");
    }

    @Test
    void rejectsUnknownXmlCodeValue() {
        Finding finding = firstError(toEdifact(DIS91_XML.replace(">kirurgi_sygehus<", ">ukendt_speciale<")));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-CODE-UNKNOWN");
        assertThat(finding.location().xpath()).isEqualTo("/Emessage/ClinicalEmail/Sender/MedicalSpecialityCode");
    }

    @Test
    void rejectsMoreTextThanOneS14GroupHolds() {
        String longText = "linje<Break/>".repeat(50);
        Finding finding = firstError(toEdifact(DIS91_XML.replaceFirst("<Text01>", "<Text01>" + longText)));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-TOO-MANY");
        assertThat(finding.location().xpath()).endsWith("/ClinicalInformation/Text01");
    }

    @Test
    void rejectsXmlWithoutLetterIdentifier() {
        Finding finding = firstError(toEdifact(DIS91_XML.replace("<Identifier>BrevNr00129</Identifier>", "")));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-MISSING");
        assertThat(finding.location().xpath()).isEqualTo("/Emessage/ClinicalEmail/Letter");
    }

    @Test
    void rejectsEnvelopeIdentifierLongerThanUnbAllows() {
        Finding finding = firstError(toEdifact(DIS91_XML.replace("KuvertNr012234", "KuvertNr0122345")));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-TOO-LONG");
        assertThat(finding.location().xpath()).isEqualTo("/Emessage/Envelope/Identifier");
    }

    @Test
    void rejectsInterchangeReferenceWithServiceCharacter() {
        Finding finding = firstError(toEdifact(DIS91_XML.replace("KuvertNr012234", "Kuvert?012234")));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-SERVICE-CHARACTER");
        assertThat(finding.location().xpath()).isEqualTo("/Emessage/Envelope/Identifier");
    }

    @Test
    void writesLineEndsInXmlValuesAsSpaces() {
        Translation translation = toEdifact(DIS91_XML.replace("Knut Odvar", "Knut\nOdvar"));
        assertThat(new String(translation.output(), StandardCharsets.ISO_8859_1)).contains("+FO:Knut Odvar'");
    }

    @Test
    void rejectsPatientWithoutSurname() {
        Finding finding = firstError(toEdifact(DIS91_XML.replace("<PersonSurnameName>Mosebryggersen</PersonSurnameName>", "")));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-MISSING");
        assertThat(finding.location().xpath()).isEqualTo("/Emessage/ClinicalEmail/Patient");
        assertThat(finding.textDa()).isEqualTo("/Emessage/ClinicalEmail/Patient CivilRegistrationNumber eller PersonSurnameName mangler");
    }

    @Test
    void rejectsUnknownLetterElement() {
        Finding finding = firstError(toEdifact(DIS91_XML.replace("ClinicalEmail>", "DischargeLetter>")));
        assertThat(finding.ruleId()).isEqualTo("EDI-XML-UNKNOWN-LETTER");
    }

    @Test
    void translatesEveryMessageOfAnInterchange() {
        String message = DIS91_EDI.substring(DIS91_EDI.indexOf("UNH"), DIS91_EDI.indexOf("UNZ"));
        String second = message.replace("BrevNr00129", "BrevNr00130");
        Translation translation = toXml(DIS91_EDI.replace("UNZ+1+", second + "UNZ+2+"));
        assertThat(translation.ok()).isTrue();
        String xml = new String(translation.output(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<Identifier>BrevNr00129</Identifier>", "<Identifier>BrevNr00130</Identifier>");
        Conformance.assertValid(translation.output());
        Translation back = TRANSLATOR.toEdifact(translation.output());
        assertThat(Conformance.segments(back.output())).isEqualTo(Conformance.segments(DIS91_EDI.replace("UNZ+1+", second + "UNZ+2+")
                .getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void givesTheSameResultsFromManyThreads() throws Exception {
        byte[] edifact = DIS91_EDI.getBytes(StandardCharsets.ISO_8859_1);
        byte[] expected = TRANSLATOR.toXml(edifact).output();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<byte[]>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> TRANSLATOR.toEdifact(TRANSLATOR.toXml(edifact).output()).output()));
            }
            byte[] expectedEdifact = TRANSLATOR.toEdifact(expected).output();
            for (java.util.concurrent.Future<byte[]> result : results) {
                assertThat(result.get()).isEqualTo(expectedEdifact);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void readsTheAcknowledgementRequestFromUnb() {
        Translation translation = toXml(DIS91_EDI.replace("++++0'", "++++1'"));
        assertThat(new String(translation.output(), StandardCharsets.UTF_8)).contains("<AcknowledgementCode>pluspositivkvitt</AcknowledgementCode>");
        assertThat(new String(TRANSLATOR.toEdifact(translation.output()).output(), StandardCharsets.ISO_8859_1)).contains("+KuvertNr012234++++1'");
    }

    @Test
    void rejectsAnImpossibleUnbDate() {
        Finding finding = firstError(toXml(DIS91_EDI.replace("981213:1210", "981313:1210")));
        assertThat(finding.ruleId()).isEqualTo("EDI-MAP-DATE");
        assertThat(finding.location().segmentNumber()).isEqualTo(1);
    }

    @Test
    void warnsButTranslatesWhenLocationNumberCheckDigitIsWrong() {
        Translation translation = toXml(DIS91_EDI);
        assertThat(translation.ok()).isTrue();
        assertThat(translation.findings()).extracting(Finding::ruleId).containsExactly("EDI-MAP-GLN-CHECK", "EDI-MAP-GLN-CHECK");
    }

    @Test
    void neverThrowsOnGarbage() {
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            assertThat(TRANSLATOR.toXml(bytes).ok()).isFalse();
            assertThat(TRANSLATOR.toEdifact(bytes).ok()).isFalse();
        }
        assertThat(TRANSLATOR.toXml(null).ok()).isFalse();
        assertThat(TRANSLATOR.toEdifact(null).ok()).isFalse();
    }

    @Test
    void neverThrowsOnAnyTruncationOfTheVector() {
        byte[] full = DIS91_EDI.getBytes(StandardCharsets.ISO_8859_1);
        for (int length = 0; length < full.length - 2; length++) {
            Translation translation = TRANSLATOR.toXml(java.util.Arrays.copyOf(full, length));
            assertThat(translation.ok()).as("cut at %d", length).isFalse();
            assertThat(translation.findings()).extracting(Finding::ruleId).doesNotContain("EDI-MAP-INTERNAL");
        }
    }
}
