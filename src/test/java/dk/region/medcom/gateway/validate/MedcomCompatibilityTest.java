package dk.region.medcom.gateway.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.parse.xml.SafeXmlParser;
import dk.region.medcom.gateway.testing.MedcomConformance;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the gateway's own schemas accept, MedCom's own schemas accept too (and the reverse for their vectors). */
@MedcomConformance
class MedcomCompatibilityTest {

    private static final MessageValidator MEDCOM_ONLY =
            new MessageValidator(new SchemaCatalog(List.of(Fixtures.MEDCOM_SCHEMAS)), new SafeXmlParser(), List.of());

    @ParameterizedTest
    @CsvSource({
        "xdis91,   xdis91-valid-needs-assessment.xml",
        "xdis91,   xdis91-valid-formatted-text-and-reference.xml",
        "receipts, receipt-valid-positive.xml",
        "receipts, receipt-valid-negative.xml",
        "receipts, receipt-valid-negative-vans.xml",
        "ref01,    ref01-valid-gp-to-orthopaedics.xml",
    })
    void ourValidSamplesAreValidForMedcomsOwnSchemas(String type, String sample) {
        assertThat(MEDCOM_ONLY.validate(Fixtures.sample(type, sample)).findings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "xdis91,   xdis91-invalid-missing-patient.xml",
        "xdis91,   xdis91-invalid-wrong-version-code.xml",
        "xdis91,   xdis91-invalid-subject-too-long.xml",
        "receipts, receipt-invalid-positive-with-negative-version-code.xml",
        "receipts, receipt-invalid-unknown-refuse-code.xml",
        "receipts, receipt-invalid-positive-with-refuse-code.xml",
        "receipts, receipt-invalid-missing-original-envelope-identifier.xml",
        "ref01,    ref01-invalid-missing-referrer.xml",
        "ref01,    ref01-invalid-unknown-transport.xml",
    })
    void ourSchemaInvalidSamplesAreInvalidForMedcomsOwnSchemasToo(String type, String sample) {
        assertThat(MEDCOM_ONLY.validate(Fixtures.sample(type, sample)).valid()).isFalse();
    }
}
