package dk.region.medcom.gateway.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.testing.MedcomConformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** For every {@code X.edi} with a reference {@code X.xml} among MedCom's vectors: both directions match the reference. */
@MedcomConformance
class ConformanceVectorsTest {

    private static final EdifactTranslator TRANSLATOR = EdifactTranslator.withDefaultMappings();

    static List<Path> vectorsWithReference() throws IOException {
        try (Stream<Path> files = Files.list(Conformance.VECTORS)) {
            return files.filter(p -> p.toString().endsWith(".edi"))
                    .filter(p -> Files.exists(reference(p)))
                    .sorted()
                    .toList();
        }
    }

    private static Path reference(Path edi) {
        return edi.resolveSibling(edi.getFileName().toString().replace(".edi", ".xml"));
    }

    @Test
    void findsTheVectors() throws IOException {
        assertThat(vectorsWithReference()).extracting(p -> p.getFileName().toString())
                .contains("DIS91_1.edi", "CTL01_1.edi", "CTL03_1.edi");
    }

    @TestFactory
    Stream<DynamicTest> edifactTranslatesToTheReferenceXml() throws IOException {
        return vectorsWithReference().stream().map(edi -> DynamicTest.dynamicTest(edi.getFileName().toString(), () -> {
            Translation translation = TRANSLATOR.toXml(Conformance.read(edi));
            assertThat(translation.findings()).filteredOn(Finding::isError).isEmpty();
            assertThat(translation.ok()).isTrue();
            assertThat(Conformance.outline(translation.output())).isEqualTo(Conformance.outline(Conformance.read(reference(edi))));
        }));
    }

    @TestFactory
    Stream<DynamicTest> xmlProducedValidatesAgainstMedcomSchema() throws IOException {
        return vectorsWithReference().stream().map(edi -> DynamicTest.dynamicTest(edi.getFileName().toString(), () ->
                Conformance.assertValid(TRANSLATOR.toXml(Conformance.read(edi)).output())));
    }

    @TestFactory
    Stream<DynamicTest> referenceXmlTranslatesBackToTheVectorSegments() throws IOException {
        return vectorsWithReference().stream().map(edi -> DynamicTest.dynamicTest(edi.getFileName().toString(), () -> {
            Translation translation = TRANSLATOR.toEdifact(Conformance.read(reference(edi)));
            assertThat(translation.findings()).filteredOn(Finding::isError).isEmpty();
            assertThat(Conformance.segments(translation.output())).isEqualTo(Conformance.segments(Conformance.read(edi)));
        }));
    }

    @Test
    void edifactOutputDeclaresUnocAndUsesLatin1Bytes() {
        Translation translation = TRANSLATOR.toEdifact(Conformance.read(Conformance.VECTORS.resolve("DIS91_1.xml")));
        String text = new String(translation.output(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("UNA:+.? '\nUNB+UNOC:3+").contains("HILLERØD");
    }
}
