package dk.region.medcom.gateway.validate.rules;

import static dk.region.medcom.gateway.validate.rules.RuleFixtures.change;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.check;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.xdis91;
import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.LocationNumber;
import dk.region.medcom.gateway.message.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GlnRuleTest {

    private static final Location SENDER_GLN = Location.xml(25, 22, "/Emessage/ClinicalEmail/Sender/EANIdentifier");
    private static final String SAMPLE_RECEIVER = "<EANIdentifier>5790001000011</EANIdentifier>";
    private static final String WRONG_CHECK_DIGIT = "<EANIdentifier>5790001000017</EANIdentifier>";

    private final GlnRule rule = new GlnRule(Severity.WARNING);

    @Test
    void acceptsLocationNumbersWithTheRightCheckDigit() {
        assertThat(check(rule, xdis91())).isEmpty();
    }

    @Test
    void warnsAboutAReceiverWhoseCheckDigitIsWrong() {
        assertThat(check(rule, change(xdis91(), SAMPLE_RECEIVER, WRONG_CHECK_DIGIT))).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("GLN-CHECK-DIGIT");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.location().xpath()).isEqualTo("/Emessage/ClinicalEmail/Receiver/EANIdentifier");
        });
    }

    @Test
    void reportsAtTheConfiguredSeverity() {
        String xml = xdis91().replace("5790000100019", "5790000100018");

        assertThat(check(new GlnRule(Severity.ERROR), xml)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("GLN-CHECK-DIGIT");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location()).isEqualTo(SENDER_GLN);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"5790000120400", "5790000128700", "5790000143055"}) // from MedCom's test data
    void medcomsOwnTestNumbersFailTheCheckDigit(String gln) {
        assertThat(LocationNumber.hasValidCheckDigit(gln)).isFalse();
    }

    @Test
    void flagsATwelveDigitNumber() {
        String xml = change(xdis91(), "<EANIdentifier>5790000100019<", "<EANIdentifier>570000121526<");

        assertThat(check(rule, xml)).extracting(Finding::ruleId).contains("GLN-LENGTH");
    }

    @Test
    void leavesVansIdentifiersAlone() {
        String xml = change(xdis91(), "<EANIdentifier>5790000100019<", "<EANIdentifier>DKKMDKMDNET<");

        assertThat(check(rule, xml)).isEmpty();
    }
}
