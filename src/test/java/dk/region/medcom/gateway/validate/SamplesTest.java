package dk.region.medcom.gateway.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every XML sample says in its name whether it is valid; the validator must agree. */
class SamplesTest {

    private static final MessageValidator VALIDATOR = MessageValidator.withDefaults(Fixtures.SCHEMAS);

    @ParameterizedTest
    @MethodSource("validSamples")
    void validSampleHasNoErrors(Path sample) {
        ValidationReport report = VALIDATOR.validate(Fixtures.bytes(sample));

        assertThat(report.errors()).as(sample.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("invalidSamples")
    void invalidSampleHasAnError(Path sample) {
        ValidationReport report = VALIDATOR.validate(Fixtures.bytes(sample));

        assertThat(report.valid()).as(sample.toString()).isFalse();
    }

    static Stream<Path> validSamples() throws IOException {
        return samples("-valid-");
    }

    static Stream<Path> invalidSamples() throws IOException {
        return samples("-invalid-");
    }

    private static Stream<Path> samples(String marker) throws IOException {
        return Files.walk(Fixtures.SAMPLES)
                .filter(p -> p.getFileName().toString().endsWith(".xml"))
                .filter(p -> p.getFileName().toString().contains(marker))
                .sorted();
    }
}
