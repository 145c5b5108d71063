package dk.region.medcom.gateway.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EDIFACT data that no mapping step reads is an error naming segment, element and component,
 * never dropped in silence: each case is one change to a valid sample that used to translate
 * with the change lost.
 */
class UnreadDataTest {

    private static final EdifactTranslator TRANSLATOR = EdifactTranslator.withDefaultMappings();
    private static final String DIS91 = sample("dis91/dis91-valid-hospital-to-gp.edi");
    private static final String REF01 = sample("ref01/ref01-valid-acute-with-relative-occupation-and-transport.edi");
    private static final String CTL02 = sample("receipts/ctl02-valid-negative-syntax.edi");
    private static final String RULE = "EDI-MAP-UNREAD-DATA";

    private static String sample(String name) {
        return new String(Conformance.read(Path.of("samples", name)), StandardCharsets.ISO_8859_1);
    }

    private static String changed(String edifact, String from, String to) {
        assertThat(edifact).contains(from);
        return edifact.replace(from, to);
    }

    private static List<Finding> unread(String edifact) {
        Translation translation = TRANSLATOR.toXml(edifact.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(translation.ok()).isFalse();
        assertThat(translation.output()).isNull();
        return translation.findings().stream().filter(f -> f.ruleId().equals(RULE)).toList();
    }

    /** The one unread-data finding of {@code edifact}: its segment number, tag and English text. */
    private static void assertOnlyUnread(String edifact, int segment, String tag, int element, int component) {
        List<Finding> findings = unread(edifact);
        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.isError()).isTrue();
        assertThat(finding.location().segmentNumber()).isEqualTo(segment);
        assertThat(finding.location().segmentTag()).isEqualTo(tag);
        assertThat(finding.textEn()).isEqualTo("segment " + segment + " " + tag + " element " + element + " component " + component
                + " holds data that the translation does not carry over");
    }

    @Test
    void theValidSamplesHaveNoUnreadData() {
        for (String edifact : List.of(DIS91, REF01, CTL02)) {
            Translation translation = TRANSLATOR.toXml(edifact.getBytes(StandardCharsets.ISO_8859_1));
            assertThat(translation.findings()).extracting(Finding::ruleId).doesNotContain(RULE);
            assertThat(translation.ok()).isTrue();
        }
    }

    @Test
    void aQualifiedBgmCodeIsReported() {
        assertOnlyUnread(changed(DIS91, "BGM+EPI+", "BGM+EPI:ZZ+"), 3, "BGM", 1, 2);
    }

    @Test
    void anExtraElementInBgmIsReported() {
        assertOnlyUnread(changed(DIS91, "BGM+EPI++9+NA'", "BGM+EPI++9+NA+X'"), 3, "BGM", 5, 1);
    }

    @Test
    void aBgmConstantOtherThanTheOneWrittenBackIsReported() {
        assertOnlyUnread(changed(DIS91, "BGM+EPI++9+NA'", "BGM+EPI++8+NA'"), 3, "BGM", 3, 1);
    }

    @Test
    void anExtraComponentInPnaIsReportedWithoutQuotingIt() {
        String edifact = changed(DIS91, "+FO:Søren Åge'", "+FO:Søren Åge:Mellemnavnsen'");
        assertOnlyUnread(edifact, 21, "PNA", 6, 3);
        assertThat(unread(edifact).get(0).textEn() + unread(edifact).get(0).textDa()).doesNotContain("Mellemnavnsen");
    }

    @Test
    void aSecondSubjectLineIsReported() {
        assertOnlyUnread(changed(DIS91, "FTX+OE+P00++Kontrol efter knæoperation'", "FTX+OE+P00++Kontrol efter knæoperation:og mere'"),
                29, "FTX", 4, 2);
    }

    @Test
    void aRepeatedLetterIdentifierThatDiffersIsReported() {
        assertOnlyUnread(changed(DIS91, "RFF+SRI:BREV20260302A'", "RFF+SRI:BREV20260302B'"), 17, "RFF", 1, 2);
    }

    @Test
    void unusedEnvelopeElementsAreReported() {
        assertOnlyUnread(changed(DIS91, "+KUV2026030201++++1'", "+KUV2026030201+PASSWORD+++1'"), 1, "UNB", 6, 1);
        assertOnlyUnread(changed(DIS91, "MEDDIS:D:93A:UN:D9134L", "MEDDIS:D:96A:UN:D9134L"), 2, "UNH", 2, 3);
    }

    @Test
    void referralOccupationRelativeTransportAndVisitationAreReadInFull() {
        assertOnlyUnread(changed(REF01, "EMP+1++:::Smed'", "EMP+1++:::Smed:Svejser'"), 40, "EMP", 3, 5);
        assertOnlyUnread(changed(REF01, "REL+PER+SD'", "REL+PER+SD+X'"), 42, "REL", 3, 1);
        assertOnlyUnread(changed(REF01, "+SU:Prøvesen+FO:Jens'", "+SU:Prøvesen+FO:Jens:Peter'"), 43, "PNA", 6, 3);
        assertOnlyUnread(changed(REF01, "S18+18'\nGIS+N'", "S18+18'\nGIS+M'"), 53, "GIS", 1, 1);
        assertOnlyUnread(changed(REF01, "PTY+PRI+AC'", "PTY+PRI+AC:ZZ'"), 54, "PTY", 2, 2);
        assertOnlyUnread(changed(REF01, "S19+19'\nSTS++NR'", "S19+19'\nSTS++NR+X'"), 59, "STS", 3, 1);
        assertOnlyUnread(changed(REF01, "TDT+PHL++ST'", "TDT+PHL++ST+9'"), 60, "TDT", 4, 1);
    }

    @Test
    void receiptElementsAreReadInFull() {
        assertOnlyUnread(changed(CTL02, "MEDDIS:D:93A:UN:D9134L+4'", "MEDDIS:D:93A:UN:D9134L+4+X'"), 4, "UCM", 4, 1);
        assertOnlyUnread(changed(CTL02, "FTX+SYN+P00+", "FTX+SYN+PF0+"), 5, "FTX", 2, 1);
    }

    @Test
    void findingsPerMessageAreBounded() {
        String manyElements = "+X".repeat(UnreadData.MAX_FINDINGS_PER_MESSAGE + 10);
        assertThat(unread(changed(DIS91, "BGM+EPI++9+NA'", "BGM+EPI++9+NA" + manyElements + "'")))
                .hasSize(UnreadData.MAX_FINDINGS_PER_MESSAGE);
    }
}
