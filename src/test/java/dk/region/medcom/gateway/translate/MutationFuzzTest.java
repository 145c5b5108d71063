package dk.region.medcom.gateway.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Single-byte replacements, deletions and insertions in every valid sample, both syntaxes: the
 * translator never fails internally, every error finding says where it is, XML it lets through
 * is valid against MedCom's schema, and EDIFACT it lets through reads back without errors.
 */
class MutationFuzzTest {

    private static final EdifactTranslator TRANSLATOR = EdifactTranslator.withDefaultMappings();
    private static final byte[] SPECIALS = "+:'?\\.UNHTZS0123 \n<>&/\u00e6".getBytes(StandardCharsets.ISO_8859_1);
    private static final int MUTATIONS = 1000;

    private static List<Path> validSamples() throws IOException {
        try (Stream<Path> files = Files.walk(Paths.get("samples"))) {
            return files.filter(p -> p.getFileName().toString().contains("-valid-")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> mutatedSamplesGiveFindingsNotFailures() throws IOException {
        return validSamples().stream().map(path -> DynamicTest.dynamicTest(path.toString(), () -> {
            boolean edifact = path.toString().endsWith(".edi");
            Function<byte[], Translation> translate = edifact ? TRANSLATOR::toXml : TRANSLATOR::toEdifact;
            byte[] original = Conformance.read(path);
            Random random = new Random(path.getFileName().toString().hashCode());
            for (int i = 0; i < MUTATIONS; i++) {
                int mutation = i;
                Translation translation = translate.apply(mutate(original, i % 3, random));
                assertThat(translation.findings()).as("%s mutation %d", path, i)
                        .extracting(Finding::ruleId).doesNotContain("EDI-MAP-INTERNAL");
                assertThat(translation.findings()).filteredOn(Finding::isError).allSatisfy(f -> assertThat(
                        edifact ? f.location().segmentNumber() != null : f.location().line() != null || f.location().xpath() != null)
                        .as("%s mutation %d: %s", path, mutation, f.toLine()).isTrue());
                if (edifact && translation.ok()) {
                    Conformance.assertValid(translation.output()); // what passes must be valid XML for MedCom
                } else if (translation.ok()) {
                    assertThat(TRANSLATOR.toXml(translation.output()).findings()).as("%s mutation %d read back", path, mutation)
                            .filteredOn(Finding::isError).isEmpty(); // and EDIFACT we write, we must be able to read
                }
            }
        }));
    }

    /** Kind 0 replaces a byte, 1 deletes one, 2 inserts one. */
    private static byte[] mutate(byte[] original, int kind, Random random) {
        int position = random.nextInt(original.length);
        byte replacement = random.nextBoolean() ? SPECIALS[random.nextInt(SPECIALS.length)] : (byte) random.nextInt(256);
        ByteArrayOutputStream mutated = new ByteArrayOutputStream();
        mutated.write(original, 0, position);
        if (kind == 0) {
            mutated.write(replacement);
        } else if (kind == 2) {
            mutated.write(replacement);
            mutated.write(original[position]);
        }
        mutated.write(original, position + 1, original.length - position - 1);
        return mutated.toByteArray();
    }
}
