package dk.region.medcom.gateway.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** How {@code gateway.validate.*} in application.yaml binds, without starting Spring. */
class ValidatePropertiesBindingTest {

    @Test
    void bindsEverySettingFromConfiguration() {
        Map<String, String> yaml = Map.of(
                "gateway.validate.schema-packs[0]", "../shared/conformance/medcom-schemas",
                "gateway.validate.schemas-dir", "/opt/gateway/schemas",
                "gateway.validate.max-message-bytes", "2097152",
                "gateway.validate.gln-check-severity", "error",
                "gateway.validate.future-date-tolerance", "2h");

        ValidateProperties properties = new Binder(new MapConfigurationPropertySource(yaml))
                .bind("gateway.validate", ValidateProperties.class).get();

        assertThat(properties.schemaPacks()).containsExactly(Path.of("../shared/conformance/medcom-schemas"));
        assertThat(properties.schemasDir()).isEqualTo(Path.of("/opt/gateway/schemas"));
        assertThat(properties.maxMessageBytes()).isEqualTo(2_097_152L);
        assertThat(properties.glnCheckSeverity()).isEqualTo(Severity.ERROR);
        assertThat(properties.futureDateTolerance()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void anEmptySectionGivesTheDefaults() {
        ValidateProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("gateway.validate.schemas-dir", "schemas")))
                .bind("gateway.validate", ValidateProperties.class).get();

        assertThat(properties).isEqualTo(ValidateProperties.defaults());
    }
}
