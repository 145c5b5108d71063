package dk.region.medcom.gateway.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's own samples: {@code *-valid-*} translate without error findings (and back to the
 * same bytes), {@code *-invalid-*} fail with the rule listed in {@code samples/expected-findings.csv}.
 */
class SamplesTest {

    private static final Path SAMPLES = Paths.get("samples");
    private static final EdifactTranslator TRANSLATOR = EdifactTranslator.withDefaultMappings();

    private static List<Path> samples(String kind, String extension) throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            return files.filter(p -> p.getFileName().toString().contains("-" + kind + "-"))
                    .filter(p -> p.toString().endsWith(extension)).sorted().toList();
        }
    }

    private static Map<String, String> expectedRules() throws IOException {
        Map<String, String> rules = new TreeMap<>();
        for (String line : Files.readAllLines(SAMPLES.resolve("expected-findings.csv"))) {
            if (!line.startsWith("#") && !line.startsWith("file,") && !line.isBlank()) {
                rules.put(line.split(",")[0], line.split(",")[1]);
            }
        }
        return rules;
    }

    @Test
    void everyInvalidSampleHasAnExpectedRule() throws IOException {
        List<String> invalid = samples("invalid", ".edi").stream().map(p -> SAMPLES.relativize(p).toString().replace('\\', '/')).toList();
        assertThat(invalid).isNotEmpty();
        assertThat(expectedRules().keySet()).containsExactlyInAnyOrderElementsOf(invalid);
    }

    @TestFactory
    Stream<DynamicTest> validEdifactSamplesTranslateWithoutErrorsAndBack() throws IOException {
        return samples("valid", ".edi").stream().map(path -> DynamicTest.dynamicTest(path.toString(), () -> {
            byte[] edifact = Conformance.read(path);
            Translation xml = TRANSLATOR.toXml(edifact);
            assertThat(xml.findings()).filteredOn(Finding::isError).isEmpty();
            Conformance.assertValid(xml.output());
            Translation back = TRANSLATOR.toEdifact(xml.output());
            assertThat(back.output()).isEqualTo(edifact);
        }));
    }

    @TestFactory
    Stream<DynamicTest> validXmlSamplesTranslateToTheirEdifactTwin() throws IOException {
        // only the XML forms of EDIFACT samples (a twin beside them); XREF15 and GGOP have no EDIFACT form
        return samples("valid", ".xml").stream()
                .filter(path -> Files.exists(path.resolveSibling(path.getFileName().toString().replace(".xml", ".edi"))))
                .map(path -> DynamicTest.dynamicTest(path.toString(), () -> {
            Translation edifact = TRANSLATOR.toEdifact(Conformance.read(path));
            assertThat(edifact.findings()).filteredOn(Finding::isError).isEmpty();
            Path twin = path.resolveSibling(path.getFileName().toString().replace(".xml", ".edi"));
            assertThat(edifact.output()).isEqualTo(Conformance.read(twin));
        }));
    }

    @TestFactory
    Stream<DynamicTest> validReferralXmlSamplesSurviveTheRoundTripThroughEdifact() throws IOException {
        // REF01 only: in DIS91 a text line of a single "." comes back empty, as EDIFACT writes an empty line so
        return samples("valid", ".xml").stream().filter(path -> path.getFileName().toString().startsWith("ref01-"))
                .filter(path -> Files.exists(path.resolveSibling(path.getFileName().toString().replace(".xml", ".edi"))))
                .map(path -> DynamicTest.dynamicTest(path.toString(), () -> {
            byte[] xml = Conformance.read(path);
            Translation back = TRANSLATOR.toXml(TRANSLATOR.toEdifact(xml).output());
            assertThat(back.findings()).filteredOn(Finding::isError).isEmpty();
            assertThat(Conformance.outline(back.output())).isEqualTo(Conformance.outline(xml));
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidSamplesFailWithTheExpectedRule() throws IOException {
        Map<String, String> expected = expectedRules();
        return samples("invalid", ".edi").stream().map(path -> DynamicTest.dynamicTest(path.toString(), () -> {
            Translation translation = TRANSLATOR.toXml(Conformance.read(path));
            assertThat(translation.ok()).isFalse();
            Finding first = translation.findings().stream().filter(Finding::isError).findFirst().orElseThrow();
            assertThat(first.ruleId()).isEqualTo(expected.get(SAMPLES.relativize(path).toString().replace('\\', '/')));
            assertThat(first.location().segmentNumber()).isNotNull();
        }));
    }
}
