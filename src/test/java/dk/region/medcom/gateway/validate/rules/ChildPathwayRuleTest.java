package dk.region.medcom.gateway.validate.rules;

import static dk.region.medcom.gateway.validate.rules.RuleFixtures.change;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.check;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.xref15;
import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.Severity;
import org.junit.jupiter.api.Test;

/** "Today" is 24 November 2026. */
class ChildPathwayRuleTest {

    private final ChildPathwayRule rule = new ChildPathwayRule(RuleFixtures.NOW);

    @Test
    void leavesAdultsAlone() {
        assertThat(check(rule, xref15())).isEmpty();
    }

    @Test
    void flagsAChildForTheChildrensPathway() {
        assertThat(check(rule, withCpr("1205154015"))).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CHILD-PATHWAY");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.location()).isEqualTo(Location.xml(40, 32, "/Emessage/MunicipalReferral/Patient/CivilRegistrationNumber"));
        });
    }

    @Test
    void isStillAChildTheDayBeforeTheEighteenthBirthday() {
        assertThat(check(rule, withCpr("2511084000"))).hasSize(1);
    }

    @Test
    void isAnAdultOnTheEighteenthBirthday() {
        assertThat(check(rule, withCpr("2411084000"))).isEmpty();
    }

    @Test
    void saysNothingWhenTheCprDateIsInvalid() {
        assertThat(check(rule, withCpr("3102154015"))).isEmpty(); // CPR-DATE reports it
    }

    private static String withCpr(String cpr) {
        return change(xref15(), ">0101904016<", ">" + cpr + "<");
    }
}
