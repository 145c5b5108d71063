package dk.region.medcom.gateway.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Severity;
import dk.region.medcom.gateway.testing.MedcomConformance;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValidatePropertiesTest {

    @Test
    void missingSettingsTakeTheirDefaults() {
        ValidateProperties defaults = new ValidateProperties(null, null, 0, null, null);

        assertThat(defaults.schemaPacks()).isEmpty();
        assertThat(defaults.schemasDir()).isEqualTo(Path.of("schemas"));
        assertThat(defaults.maxMessageBytes()).isEqualTo(10_485_760L);
        assertThat(defaults.glnCheckSeverity()).isEqualTo(Severity.WARNING);
        assertThat(defaults.futureDateTolerance()).isEqualTo(Duration.ofDays(1));
    }

    @MedcomConformance
    @Test
    void aSchemaPackReplacesTheOwnSchemaForItsNamespaces() {
        ValidateProperties properties = new ValidateProperties(java.util.List.of(Fixtures.MEDCOM_SCHEMAS), Fixtures.SCHEMAS,
                0, Severity.ERROR, null);

        MessageValidator validator = MessageValidator.from(properties, java.time.Clock.systemUTC());
        ValidationReport report = validator.validate(Fixtures.vector("DIS91_1.xml"));

        // MedCom's own test data has location numbers that fail the check digit: an ERROR when configured so
        assertThat(report.errors()).extracting(f -> f.ruleId()).containsOnly("GLN-CHECK-DIGIT");
    }
}
