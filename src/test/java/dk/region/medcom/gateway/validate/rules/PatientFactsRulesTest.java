package dk.region.medcom.gateway.validate.rules;

import static dk.region.medcom.gateway.validate.rules.RuleFixtures.xref15;
import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.CprNumber;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.PatientFacts;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import dk.region.medcom.gateway.parse.xml.SafeXmlParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The patient rules read the facts parse derived, not the XML: given facts that differ from the
 * document, the findings follow the facts (the document here says an adult, CPR 0101904016, 851).
 */
class PatientFactsRulesTest {

    private static final Location AT = Location.xml(7, 9, "/Emessage/MunicipalReferral/Patient/CivilRegistrationNumber");

    @Test
    void childPathwayReadsTheBirthDateParseDerived() {
        List<Finding> findings = new ChildPathwayRule(RuleFixtures.NOW).check(view(facts("1205154015", "851")));

        assertThat(findings).extracting(Finding::ruleId).containsExactly("CHILD-PATHWAY");
        assertThat(findings.get(0).location()).isEqualTo(AT);
    }

    @Test
    void cprRuleChecksTheNumberParseRead() {
        assertThat(new CprRule().check(view(facts("3102904016", "851")))).extracting(Finding::ruleId)
                .containsExactly("CPR-DATE");
        assertThat(new CprRule().check(view(facts("0101904321", "851")))).extracting(Finding::ruleId)
                .containsExactly("CPR-MODULUS-11");
    }

    @Test
    void referralMunicipalityComparesTheResidenceParseRead() {
        assertThat(new ReferralMunicipalityRule().check(view(facts("0101904016", "751")))).extracting(Finding::ruleId)
                .containsExactly("REF-MUNICIPALITY");
        assertThat(new ReferralMunicipalityRule().check(view(facts("0101904016", "851")))).isEmpty();
    }

    private static PatientFacts facts(String cpr, String residence) {
        return PatientFacts.of(CprNumber.of(cpr).orElseThrow(), AT, residence, "9999");
    }

    private static ParsedMessage view(PatientFacts patient) {
        try {
            Document document = new SafeXmlParser().parse(xref15().getBytes(StandardCharsets.UTF_8));
            return ParsedMessage.perLetter(document, patient).get(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
