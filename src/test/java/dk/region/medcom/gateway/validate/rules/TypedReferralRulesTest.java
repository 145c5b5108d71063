package dk.region.medcom.gateway.validate.rules;

import static dk.region.medcom.gateway.validate.rules.RuleFixtures.xdis91;
import static dk.region.medcom.gateway.validate.rules.RuleFixtures.xref15;
import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.TypedLetter;
import dk.region.medcom.gateway.message.medcom2017.MunicipalReferral;
import dk.region.medcom.gateway.parse.xml.LetterBinder;
import dk.region.medcom.gateway.parse.xml.ParsedMessage;
import dk.region.medcom.gateway.parse.xml.SafeXmlParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The XREF15 rules read the typed letter parse bound: change the JAXB object and the findings follow
 * it, though the DOM still says consent was given, a diagnosis and a hospital contact are there.
 */
class TypedReferralRulesTest {

    @Test
    void consentIsReadFromTheTypedLetter() throws Exception {
        Document document = parse(xref15());
        TypedLetter typed = LetterBinder.bind(document);
        typed.as(MunicipalReferral.class).orElseThrow().getConsent().setConsentGiven(false);

        assertThat(new ReferralConsentRule().check(view(document, typed))).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("REF-CONSENT");
            assertThat(f.location().xpath()).isEqualTo("/Emessage/MunicipalReferral/Consent/ConsentGiven");
        });
    }

    @Test
    void diagnosisAndContactAreReadFromTheTypedLetter() throws Exception {
        Document document = parse(xref15());
        TypedLetter typed = LetterBinder.bind(document);
        MunicipalReferral referral = typed.as(MunicipalReferral.class).orElseThrow();
        referral.getDiagnosis().clear();
        referral.setHospitalContact(null);

        assertThat(new RehabilitationReferralRule().check(view(document, typed))).extracting(Finding::ruleId)
                .containsExactly("REF-REHAB-DIAGNOSIS", "REF-REHAB-CONTACT");
    }

    @Test
    void otherLettersHaveNoReferralToCheck() throws Exception {
        Document document = parse(xdis91());
        assertThat(new ReferralConsentRule().check(view(document, LetterBinder.bind(document)))).isEmpty();
        assertThat(new RehabilitationReferralRule().check(view(document, LetterBinder.bind(document)))).isEmpty();
    }

    private static ParsedMessage view(Document document, TypedLetter typed) {
        return ParsedMessage.perLetter(document, null, typed).get(0);
    }

    private static Document parse(String xml) throws Exception {
        return new SafeXmlParser().parse(xml.getBytes(StandardCharsets.UTF_8));
    }
}
