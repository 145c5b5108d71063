package dk.region.medcom.gateway.validate;

import dk.region.medcom.gateway.parse.xml.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.testing.MedcomConformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Xdis91SchemaTest {

    private static final MessageValidator VALIDATOR = MessageValidator.withDefaults(Fixtures.SCHEMAS);

    @MedcomConformance
    @Test
    void medcomVectorDis91ValidatesAgainstTheGatewaysOwnSchema() {
        ValidationReport report = VALIDATOR.validate(Fixtures.vector("DIS91_1.xml"));

        assertThat(report.findings()).filteredOn(f -> f.ruleId().startsWith("XSD")).isEmpty();
        assertThat(report.kind()).isEqualTo(new MessageKind(
                "http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2006/07/01/", "ClinicalEmail", "XD9134L"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xdis91-valid-needs-assessment.xml", "xdis91-valid-formatted-text-and-reference.xml"})
    void validSamplesHaveNoErrors(String sample) {
        ValidationReport report = VALIDATOR.validate(Fixtures.sample("xdis91", sample));

        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "xdis91-invalid-missing-patient.xml,        XSD-INVALID,              /Emessage/ClinicalEmail/AdditionalInformation",
        "xdis91-invalid-bad-cpr-date.xml,           CPR-DATE,                 /Emessage/ClinicalEmail/Patient/CivilRegistrationNumber",
        "xdis91-invalid-wrong-version-code.xml,     XSD-VERSION,              /Emessage/ClinicalEmail/Letter/VersionCode",
        "xdis91-invalid-subject-too-long.xml,       XSD-INVALID,              /Emessage/ClinicalEmail/AdditionalInformation/Subject",
        "xdis91-invalid-not-wellformed.xml,         XML-NOT-WELLFORMED,",
        "xdis91-invalid-xxe.xml,                    XML-DTD,",
        "xdis91-invalid-dtd.xml,                    XML-DTD,",
        "xdis91-invalid-billion-laughs.xml,         XML-DTD,",
        "xdis91-invalid-declares-utf16-but-utf8.xml, XML-ENCODING-MISMATCH,",
        "xdis91-invalid-declares-utf8-but-latin1.xml, XML-ENCODING-INVALID,",
    })
    void invalidSamplesAreRejectedForTheReasonTheirNameGives(String sample, String ruleId, String xpath) {
        ValidationReport report = VALIDATOR.validate(Fixtures.sample("xdis91", sample));

        assertThat(report.valid()).isFalse();
        Finding first = report.errors().get(0);
        assertThat(first.ruleId()).isEqualTo(ruleId);
        if (xpath != null) {
            assertThat(first.location().xpath()).isEqualTo(xpath);
            assertThat(first.location().line()).isPositive();
        }
    }

    @Test
    void schemaErrorTextsNeverContainTheOffendingValue() {
        String xml = Fixtures.sampleText("xdis91", "xdis91-valid-needs-assessment.xml")
                .replace("<CivilRegistrationNumber>0101904016", "<CivilRegistrationNumber>010190401X");

        ValidationReport report = VALIDATOR.validate(Fixtures.utf8(xml));

        assertThat(report.errors()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("XSD-INVALID");
            assertThat(f.textEn() + f.textDa()).doesNotContain("010190401X").contains("CivilRegistrationNumber");
        });
    }
}
