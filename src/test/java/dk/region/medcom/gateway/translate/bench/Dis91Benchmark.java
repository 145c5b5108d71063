package dk.region.medcom.gateway.translate.bench;

import dk.region.medcom.gateway.translate.EdifactTranslator;
import dk.region.medcom.gateway.translate.Translation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * DIS91 translation throughput, one message per operation, both directions. Run with
 * {@code bench/jmh.sh} from the project root (the vector is read from ../shared/conformance).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Dis91Benchmark {

    private EdifactTranslator translator;
    private byte[] edifact;
    private byte[] xml;

    @Setup
    public void setUp() throws IOException {
        translator = EdifactTranslator.withDefaultMappings();
        edifact = Files.readAllBytes(Paths.get("..", "shared", "conformance", "vectors", "DIS91_1.edi"));
        Translation translation = translator.toXml(edifact);
        if (!translation.ok()) {
            throw new IllegalStateException("the DIS91 vector does not translate: " + translation.findings());
        }
        xml = translation.output();
    }

    @Benchmark
    public Translation edifactToXml() {
        return translator.toXml(edifact);
    }

    @Benchmark
    public Translation xmlToEdifact() {
        return translator.toEdifact(xml);
    }
}
