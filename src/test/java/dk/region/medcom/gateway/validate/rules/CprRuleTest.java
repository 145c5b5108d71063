package dk.region.medcom.gateway.validate.rules;

import static dk.region.medcom.gateway.validate.rules.RuleFixtures.change;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.check;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.xdis91;
import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CprRuleTest {

    private static final Location PATIENT_CPR = Location.xml(46, 32, "/Emessage/ClinicalEmail/Patient/CivilRegistrationNumber");
    private final CprRule rule = new CprRule();

    @Test
    void acceptsARealBirthDateThatPassesModulus11() {
        assertThat(check(rule, xdis91())).isEmpty();
    }

    @Test
    void rejectsTheThirtyFirstOfFebruary() {
        assertThat(check(rule, withCpr("3102904016"))).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CPR-DATE");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location()).isEqualTo(PATIENT_CPR);
        });
    }

    @Test
    void takesTheCenturyFromTheSeventhDigitSo29February1900IsNoDate() {
        assertThat(check(rule, withCpr("2902001000"))).extracting(Finding::ruleId).containsExactly("CPR-DATE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2902004000", "2902005000"}) // digit 4 or 5 with year 00: born in 2000, a leap year
    void acceptsThe29thOfFebruary2000(String cpr) {
        assertThat(check(rule, withCpr(cpr))).extracting(Finding::ruleId).doesNotContain("CPR-DATE");
    }

    @Test
    void modulus11FailureIsOnlyARemark() {
        assertThat(check(rule, withCpr("0101904321"))).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CPR-MODULUS-11");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.location()).isEqualTo(PATIENT_CPR);
        });
    }

    @Test
    void acceptsTheUnknownCprNumber() {
        assertThat(check(rule, withCpr("0000000000"))).isEmpty();
    }

    @Test
    void neverPutsTheCprNumberInTheText() {
        Finding finding = check(rule, withCpr("3102904016")).get(0);

        assertThat(finding.textEn() + finding.textDa() + finding.toLine()).doesNotContain("3102904016").doesNotContain("310290");
    }

    private static String withCpr(String cpr) {
        return change(xdis91(), "<CivilRegistrationNumber>0101904016<", "<CivilRegistrationNumber>" + cpr + "<");
    }
}
