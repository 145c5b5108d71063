package dk.region.medcom.gateway.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.testing.MedcomConformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiptSchemaTest {

    private static final MessageValidator VALIDATOR = MessageValidator.withDefaults(Fixtures.SCHEMAS);

    @MedcomConformance
    @ParameterizedTest
    @CsvSource({"CTL01_1.xml, NegativeVansReceipt, XC0130Q", "CTL03_1.xml, PositiveReceipt, XC0330Q"})
    void medcomReceiptVectorsValidateAgainstTheGatewaysOwnSchema(String vector, String root, String versionCode) {
        ValidationReport report = VALIDATOR.validate(Fixtures.vector(vector));

        assertThat(report.findings()).filteredOn(f -> f.ruleId().startsWith("XSD")).isEmpty();
        assertThat(report.kind().rootElement()).isEqualTo(root);
        assertThat(report.kind().versionCode()).isEqualTo(versionCode);
    }

    @ParameterizedTest
    @CsvSource({
        "receipt-invalid-positive-with-negative-version-code.xml,    XSD-VERSION, /Emessage/PositiveReceipt/Letter/VersionCode",
        "receipt-invalid-unknown-refuse-code.xml,                    XSD-INVALID, /Emessage/NegativeReceipt/OriginalEmessage/OriginalLetter/RefuseCode",
        "receipt-invalid-positive-with-refuse-code.xml,              XSD-INVALID, /Emessage/PositiveReceipt/OriginalEmessage/RefuseCode",
        "receipt-invalid-missing-original-envelope-identifier.xml,   XSD-INVALID, /Emessage/PositiveReceipt/OriginalEmessage/OriginalSender",
    })
    void invalidReceiptSamplesFailTheSchemaWhereTheirNameSays(String sample, String ruleId, String xpath) {
        ValidationReport report = VALIDATOR.validate(Fixtures.sample("receipts", sample));

        assertThat(report.errors()).first().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(ruleId);
            assertThat(f.location().xpath()).isEqualTo(xpath);
        });
    }

    @Test
    void anUnsupportedVersionMapsToRefuseCodeVer() {
        ValidationReport report = VALIDATOR.validate(Fixtures.sample("receipts", "receipt-invalid-positive-with-negative-version-code.xml"));

        assertThat(report.refuseCode()).contains("VER");
        assertThat(report.errors().get(0).textEn()).contains("PositiveReceipt");
    }

    @Test
    void aSchemaErrorInAReceiptMapsToRefuseCodeSyn() {
        ValidationReport report = VALIDATOR.validate(Fixtures.sample("receipts", "receipt-invalid-unknown-refuse-code.xml"));

        assertThat(report.refuseCode()).contains("SYN");
    }
}
