package dk.region.medcom.gateway.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.xml.SafeXmlParser;
import dk.region.medcom.gateway.testing.MedcomConformance;
import dk.region.medcom.gateway.translate.EdifactTranslator;
import dk.region.medcom.gateway.translate.Translation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DIS01 (D0133L) through the gateway's own DischargeLetter schema: the XML the mapping engine makes
 * of each valid DIS01 sample, and of MedCom's vector, validates against it (and against MedCom's own).
 */
class Dis01SchemaTest {

    private static final Path DIS01 = Fixtures.SAMPLES.resolve("dis01");
    private static final EdifactTranslator TRANSLATOR = EdifactTranslator.withDefaultMappings();
    private static final MessageValidator VALIDATOR = MessageValidator.withDefaults(Fixtures.SCHEMAS);

    @ParameterizedTest
    @MethodSource("validEdifact")
    void xmlTranslatedFromAValidDis01ValidatesAgainstOurSchema(Path sample) {
        Translation translation = TRANSLATOR.toXml(Fixtures.bytes(sample));
        assertThat(translation.findings()).as(sample.toString()).filteredOn(Finding::isError).isEmpty();

        ValidationReport report = VALIDATOR.validate(translation.output());

        assertThat(report.kind().rootElement()).isEqualTo("DischargeLetter");
        assertThat(report.kind().versionCode()).isEqualTo("XD0133L");
        assertThat(report.errors()).as("%s\n%s", sample, new String(translation.output(), StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void ourSchemaRefusesWhatTheTranslationCannotCarry() {
        String xml = new String(Fixtures.sample("dis01", "dis01-valid-hospital-to-gp.xml"), StandardCharsets.UTF_8)
                .replace("<RelationCode>uspec_paaroerende</RelationCode>", "<RelationCode>uspec_paaroerende</RelationCode><PersonIdentifier>0101701234</PersonIdentifier>");

        ValidationReport report = VALIDATOR.validate(Fixtures.utf8(xml));

        assertThat(report.errors()).isNotEmpty().allSatisfy(finding -> assertThat(finding.ruleId()).isEqualTo("XSD-INVALID"));
    }

    @Test
    @MedcomConformance
    void medcomsVectorTranslatesToXmlOurSchemaAndMedcomsAccept() {
        Translation translation = TRANSLATOR.toXml(Fixtures.vector("DIS01_1.edi"));
        assertThat(VALIDATOR.validate(translation.output()).errors()).isEmpty();
        MessageValidator medcomOnly = new MessageValidator(new SchemaCatalog(List.of(Fixtures.MEDCOM_SCHEMAS)), new SafeXmlParser(), List.of());
        for (Path sample : validEdifact().toList()) {
            assertThat(medcomOnly.validate(TRANSLATOR.toXml(Fixtures.bytes(sample)).output()).findings())
                    .as("MedCom's own schema: " + sample).isEmpty();
        }
    }

    static Stream<Path> validEdifact() {
        try (Stream<Path> list = Files.list(DIS01)) {
            List<Path> found = list.filter(p -> p.getFileName().toString().contains("-valid-"))
                    .filter(p -> p.getFileName().toString().endsWith(".edi")).sorted().toList();
            assertThat(found).isNotEmpty();
            return found.stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
