package dk.region.medcom.gateway.validate.rules;

import static dk.region.medcom.gateway.validate.rules.RuleFixtures.change;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.check;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.ggop;
import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.Severity;
import org.junit.jupiter.api.Test;

class RehabilitationPlanLevelRuleTest {

    private static final Location RECEIVER_CODE = Location.xml(34, 23, "/Emessage/RehabilitationPlan/Receiver/IdentifierCode");
    private static final String GENERAL = ">almen_genoptraening_avanceret<";
    private static final String SPECIALISED = ">specialiseret_genoptraening<";
    private static final String MUNICIPALITY = "<IdentifierCode>kommunenummer</IdentifierCode>";
    private static final String SECTION_140 = ">sundhedsloven_140<";
    private static final String SECTION_84 = ">sundhedsloven_84<";

    private final RehabilitationPlanLevelRule rule = new RehabilitationPlanLevelRule();

    @Test
    void acceptsAGeneralPlanToAMunicipality() {
        assertThat(check(rule, ggop())).isEmpty();
    }

    @Test
    void rejectsAPlanWithoutLevel() {
        String xml = change(ggop(), "    <TypeOfRehabilitationPlan>almen_genoptraening_avanceret</TypeOfRehabilitationPlan>\n", "");

        assertThat(check(rule, xml)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("GGOP-LEVEL");
            assertThat(f.location()).isEqualTo(Location.xml(11, 23, "/Emessage/RehabilitationPlan"));
        });
    }

    @Test
    void rejectsSpecialisedRehabilitationSentToAMunicipality() {
        String xml = change(change(ggop(), GENERAL, SPECIALISED), SECTION_140, SECTION_84);

        assertThat(check(rule, xml)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("GGOP-LEVEL-RECEIVER");
            assertThat(f.location()).isEqualTo(RECEIVER_CODE);
            assertThat(f.textEn()).contains("specialiseret_genoptraening", "sygehusafdelingsnummer/sorkode", "kommunenummer");
        });
    }

    @Test
    void acceptsSpecialisedRehabilitationSentToAHospitalBySorCode() {
        String xml = change(change(change(ggop(), GENERAL, SPECIALISED), SECTION_140, SECTION_84),
                MUNICIPALITY, "<IdentifierCode>sorkode</IdentifierCode>");

        assertThat(check(rule, xml)).isEmpty();
    }

    @Test
    void rejectsGeneralRehabilitationSentToAHospitalDepartment() {
        String xml = change(ggop(), MUNICIPALITY, "<IdentifierCode>sygehusafdelingsnummer</IdentifierCode>");

        assertThat(check(rule, xml)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("GGOP-LEVEL-RECEIVER");
            assertThat(f.location()).isEqualTo(RECEIVER_CODE);
        });
    }

    @Test
    void warnsWhenTheLegalBasisDoesNotFitTheLevel() {
        String xml = change(ggop(), SECTION_140, SECTION_84);

        assertThat(check(rule, xml)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("GGOP-LEGAL-BASIS");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.location()).isEqualTo(Location.xml(45, 17, "/Emessage/RehabilitationPlan/LegalBasis"));
        });
    }
}
