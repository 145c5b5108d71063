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
 * REF01 (H0130R) end to end through the gateway's own HospitalReferral schema: the XML the EDIFACT
 * engine makes of a valid REF01 validates, and an invalid REF01 ends as invalid, in translation or
 * in validation.
 */
@MedcomConformance
class Ref01SchemaTest {

    private static final Path REF01 = Fixtures.SAMPLES.resolve("ref01");
    private static final EdifactTranslator TRANSLATOR = EdifactTranslator.withDefaultMappings();
    private static final MessageValidator VALIDATOR = MessageValidator.withDefaults(Fixtures.SCHEMAS);
    private static final MessageValidator MEDCOM_ONLY =
            new MessageValidator(new SchemaCatalog(List.of(Fixtures.MEDCOM_SCHEMAS)), new SafeXmlParser(), List.of());

    @ParameterizedTest
    @MethodSource("validEdifact")
    void xmlTranslatedFromAValidRef01ValidatesAgainstOurSchema(Path sample) {
        Translation translation = TRANSLATOR.toXml(Fixtures.bytes(sample));
        assertThat(translation.findings()).as(sample.toString()).filteredOn(Finding::isError).isEmpty();

        ValidationReport report = VALIDATOR.validate(translation.output());

        assertThat(report.kind().rootElement()).isEqualTo("HospitalReferral");
        assertThat(report.errors()).as("%s\n%s", sample, new String(translation.output(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(MEDCOM_ONLY.validate(translation.output()).findings()).as("MedCom's own schema: " + sample).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("invalidEdifact")
    void anInvalidRef01EndsAsInvalid(Path sample) {
        Translation translation = TRANSLATOR.toXml(Fixtures.bytes(sample));

        boolean refusedInTranslation = translation.findings().stream().anyMatch(Finding::isError);
        boolean refusedInValidation = !refusedInTranslation && !VALIDATOR.validate(translation.output()).valid();
        assertThat(refusedInTranslation || refusedInValidation).as(sample.toString()).isTrue();
    }

    @Test
    void theValidXmlSampleIsAHospitalReferralWithoutErrors() {
        ValidationReport report = VALIDATOR.validate(Fixtures.sample("ref01", "ref01-valid-gp-to-orthopaedics.xml"));

        assertThat(report.kind().versionCode()).isEqualTo("XH0130R");
        assertThat(report.errors()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("invalidXml")
    void invalidXmlSamplesAreRefusedByTheSchemaNotForAnUnknownKind(Path sample) {
        ValidationReport report = VALIDATOR.validate(Fixtures.bytes(sample));

        assertThat(report.errors()).as(sample.toString()).isNotEmpty()
                .allSatisfy(finding -> assertThat(finding.ruleId()).isEqualTo("XSD-INVALID"));
    }

    @Test
    void findingsAboutPersonalIdentifiersNeverQuoteThem() {
        String relativeCpr = "0101701234";
        String xml = Fixtures.sampleText("ref01", "ref01-valid-gp-to-orthopaedics.xml")
                .replace("<RelationCode>uspec_paaroerende</RelationCode>",
                        "<RelationCode>uspec_paaroerende</RelationCode><PersonIdentifier>" + relativeCpr + "9</PersonIdentifier>")
                .replace("<CivilRegistrationNumber>1207754321</CivilRegistrationNumber>",
                        "<CivilRegistrationNumber>1207754321X</CivilRegistrationNumber>");

        ValidationReport report = VALIDATOR.validate(Fixtures.utf8(xml));

        assertThat(report.errors()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(finding -> {
            assertThat(finding.ruleId()).isEqualTo("XSD-INVALID");
            assertThat(finding.textEn() + finding.textDa()).doesNotContain(relativeCpr).doesNotContain("1207754321");
        });
    }

    static Stream<Path> validEdifact() throws IOException {
        return files("-valid-", ".edi");
    }

    static Stream<Path> invalidEdifact() throws IOException {
        return files("-invalid-", ".edi");
    }

    static Stream<Path> invalidXml() throws IOException {
        return files("-invalid-", ".xml");
    }

    private static Stream<Path> files(String marker, String extension) throws IOException {
        List<Path> found;
        try (Stream<Path> list = Files.list(REF01)) {
            found = list.filter(p -> p.getFileName().toString().contains(marker))
                    .filter(p -> p.getFileName().toString().endsWith(extension)).sorted().toList();
        }
        assertThat(found).as("ref01 samples %s*%s", marker, extension).isNotEmpty();
        return found.stream();
    }
}
