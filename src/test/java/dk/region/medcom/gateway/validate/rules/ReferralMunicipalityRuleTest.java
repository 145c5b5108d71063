package dk.region.medcom.gateway.validate.rules;

import static dk.region.medcom.gateway.validate.rules.RuleFixtures.change;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.check;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.xref15;
import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.Severity;
import org.junit.jupiter.api.Test;

class ReferralMunicipalityRuleTest {

    private final ReferralMunicipalityRule rule = new ReferralMunicipalityRule();

    @Test
    void acceptsAReferralToThePatientsOwnMunicipality() {
        assertThat(check(rule, xref15())).isEmpty();
    }

    @Test
    void warnsAboutAReferralToAnotherMunicipality() {
        String xml = change(xref15(), "<ResidenceMunicipalityCode>851<", "<ResidenceMunicipalityCode>101<");

        assertThat(check(rule, xml)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("REF-MUNICIPALITY");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.location()).isEqualTo(Location.xml(34, 19, "/Emessage/MunicipalReferral/Receiver/Identifier"));
            assertThat(f.textEn()).contains("851", "101");
        });
    }

    @Test
    void quotesOnlyTheStartOfAHugeReceiverIdentifier() { // found by fuzzing: the text grew with the message
        String xml = change(xref15(), "<Identifier>851</Identifier>", "<Identifier>" + "8".repeat(100_000) + "</Identifier>");

        assertThat(check(rule, xml)).singleElement().satisfies(f -> {
            // bounded, and a long run of digits is masked (it could be a CPR number)
            assertThat(f.textEn()).doesNotContain("8".repeat(11)).hasSizeLessThan(300);
            assertThat(f.textDa()).hasSizeLessThan(300);
        });
    }

    @Test
    void cannotTellWhenTheReceiverIsIdentifiedOtherwise() {
        String xml = change(change(xref15(), "<ResidenceMunicipalityCode>851<", "<ResidenceMunicipalityCode>101<"),
                "<IdentifierCode>kommunenummer<", "<IdentifierCode>sorkode<");

        assertThat(check(rule, xml)).isEmpty();
    }
}
