package dk.region.medcom.gateway.validate.rules;

import static dk.region.medcom.gateway.validate.rules.RuleFixtures.change;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.check;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.xdis91;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.xref15;
import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.Severity;
import org.junit.jupiter.api.Test;

class ReferralConsentRuleTest {

    private static final String CONSENT = """
                <Consent>
                  <ConsentGiven>true</ConsentGiven>
                  <GivenBy>patient</GivenBy>
                  <ConsentDate>2026-11-19</ConsentDate>
                </Consent>
            """;
    private final ReferralConsentRule rule = new ReferralConsentRule();

    @Test
    void acceptsAReferralWithConsentAndKind() {
        assertThat(check(rule, xref15())).isEmpty();
    }

    @Test
    void rejectsConsentThatWasNotGiven() {
        String xml = change(xref15(), "<ConsentGiven>true<", "<ConsentGiven>false<");

        assertThat(check(rule, xml)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("REF-CONSENT");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location()).isEqualTo(Location.xml(51, 21, "/Emessage/MunicipalReferral/Consent/ConsentGiven"));
        });
    }

    @Test
    void rejectsAReferralWithoutConsentAsAnErrorNotAWarning() {
        String xml = change(xref15(), CONSENT, "");

        assertThat(check(rule, xml)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("REF-CONSENT");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location()).isEqualTo(Location.xml(11, 22, "/Emessage/MunicipalReferral"));
        });
    }

    @Test
    void rejectsAReferralThatDoesNotSayWhichKindItIs() {
        String xml = change(xref15(), "    <ReferralKind>rehabilitering</ReferralKind>\n", "");

        assertThat(check(rule, xml)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("REF-KIND");
            assertThat(f.location().xpath()).isEqualTo("/Emessage/MunicipalReferral");
        });
    }

    @Test
    void leavesOtherLettersAlone() {
        assertThat(check(rule, xdis91())).isEmpty();
    }
}
