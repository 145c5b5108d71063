package dk.region.medcom.gateway.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The saved fuzz corpus as regression tests (CI runs these; {@code bench/fuzz.sh} runs the
 * campaign): every saved EDIFACT and XML input, among them the minimised inputs of defects the
 * campaign found, passes parse, validate, route and translate in-process and ends accepted or
 * with findings that each have a rule id and a place, within the time limit; then a short fresh
 * campaign per format with a fixed seed.
 */
class FuzzCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/fuzz");
    /** Generous: CI shares its cores; the campaign's own limit is 2 s. */
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final int FRESH_INPUTS = 1_500;

    private static final PipelineHarness HARNESS = new PipelineHarness();
    private static final FuzzRunner RUNNER = new FuzzRunner(FuzzCampaign.inProcessTarget(HARNESS), LIMIT,
            Path.of("target/fuzz-regression"));

    @AfterAll
    static void stopWorker() {
        RUNNER.close();
    }

    @TestFactory
    Stream<DynamicTest> savedEdifactInputs() {
        return replay("edifact");
    }

    @TestFactory
    Stream<DynamicTest> savedXmlInputs() {
        return replay("xml");
    }

    @Test
    void freshEdifactInputsKeepTheContract(@TempDir Path out) {
        assertNoneBroken(fresh("edifact", ".edi", new EdifactMutator(new Random(15)), out));
    }

    @Test
    void freshXmlInputsKeepTheContract(@TempDir Path out) {
        assertNoneBroken(fresh("xml", ".xml", new XmlMutator(new Random(15)), out));
    }

    private static Stream<DynamicTest> replay(String format) {
        List<FuzzRunner.Seed> saved = FuzzRunner.seeds(CORPUS.resolve(format), ".bin", true);
        assertThat(saved).as("saved %s corpus", format).hasSizeGreaterThan(10);
        return saved.stream().map(input -> DynamicTest.dynamicTest(input.name(), () -> {
            FuzzRunner.Result result = RUNNER.runBounded(input.bytes());
            assertThat(result.problem()).as("%s ended %s", input.name(), result.kinds()).isNull();
            assertThat(result.kinds()).as(input.name()).isNotEmpty();
        }));
    }

    private static FuzzRunner.Stats fresh(String name, String extension, Mutator mutator, Path out) {
        List<FuzzRunner.Seed> seeds = new ArrayList<>(FuzzRunner.seeds(Path.of("samples"), extension, true));
        FuzzRunner runner = new FuzzRunner(FuzzCampaign.inProcessTarget(HARNESS), LIMIT, out);
        try {
            return runner.run(name, seeds, mutator, new Random(15), FRESH_INPUTS, 0);
        } finally {
            runner.close();
        }
    }

    private static void assertNoneBroken(FuzzRunner.Stats stats) {
        assertThat(stats.inputs).isEqualTo(FRESH_INPUTS);
        assertThat(stats.problems).as(stats.report()).isEmpty();
        assertThat(stats.accepted).as("some inputs still pass every stage").isPositive();
    }
}
