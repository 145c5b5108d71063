package dk.region.medcom.gateway.validate.rules;

import static dk.region.medcom.gateway.validate.rules.RuleFixtures.change;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.check;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.xref15;
import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Location;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RehabilitationReferralRuleTest {

    private final RehabilitationReferralRule rule = new RehabilitationReferralRule();

    @Test
    void acceptsACompleteRehabilitationReferral() {
        assertThat(check(rule, xref15())).isEmpty();
    }

    @Test
    void rejectsARehabilitationReferralWhereNoItemNeedsSupport() {
        String xml = xref15().replace("<NeedsSupport>true</NeedsSupport>", "<NeedsSupport>false</NeedsSupport>");

        assertThat(check(rule, xml)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("REF-REHAB-NEED");
            assertThat(f.location()).isEqualTo(Location.xml(60, 22, "/Emessage/MunicipalReferral/NeedsAssessment"));
        });
    }

    @Test
    void rejectsARehabilitationReferralWithoutDiagnosis() {
        String xml = without(xref15(), "Diagnosis");

        assertThat(check(rule, xml)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("REF-REHAB-DIAGNOSIS");
            assertThat(f.location()).isEqualTo(Location.xml(11, 22, "/Emessage/MunicipalReferral"));
        });
    }

    @Test
    void rejectsARehabilitationReferralWithoutHospitalContact() {
        String xml = without(xref15(), "HospitalContact");

        assertThat(check(rule, xml)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("REF-REHAB-CONTACT");
            assertThat(f.location().xpath()).isEqualTo("/Emessage/MunicipalReferral");
        });
    }

    @Test
    void asksNothingMoreOfAReferralToAMunicipalPhoneCall() {
        String xml = change(xref15(), ">rehabilitering<", ">kommunal_opringning<");
        xml = without(without(without(xml, "Diagnosis"), "HospitalContact"), "NeedsAssessment");

        assertThat(check(rule, xml)).isEmpty();
    }

    private static String without(String xml, String element) {
        String result = Pattern.compile("\\s*<" + element + ">.*?</" + element + ">", Pattern.DOTALL).matcher(xml).replaceFirst("");
        assertThat(result).isNotEqualTo(xml);
        return result;
    }
}
