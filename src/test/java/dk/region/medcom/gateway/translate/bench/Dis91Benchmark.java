package dk.region.medcom.gateway.translate.bench;

import dk.region.medcom.gateway.parse.edifact.EdifactReader;
import dk.region.medcom.gateway.parse.edifact.Interchange;
import dk.region.medcom.gateway.translate.EdifactTranslator;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import org.openjdk.jmh.infra.Blackhole;
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
    private EdifactReader reader;
    private EDIInputFactory staedi;
    private byte[] edifact;
    private byte[] xml;

    @Setup
    public void setUp() throws IOException {
        translator = EdifactTranslator.withDefaultMappings();
        reader = new EdifactReader((type, version) -> true);
        staedi = EDIInputFactory.newFactory();
        staedi.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, false);
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

    /** Baseline: StAEDI tokenising alone, no control validation, every element's text taken. */
    @Benchmark
    public void staediLexingOnly(Blackhole blackhole) throws EDIStreamException, IOException {
        try (EDIStreamReader lexer = staedi.createEDIStreamReader(new ByteArrayInputStream(edifact), "ISO-8859-1")) {
            while (lexer.hasNext()) {
                if (lexer.next() == EDIStreamEvent.ELEMENT_DATA) {
                    blackhole.consume(lexer.getText());
                }
            }
        }
    }

    /** The reader stage: byte scan, StAEDI tokenising and the envelope checks, no mapping. */
    @Benchmark
    public Interchange readAndCheckEnvelope() {
        return reader.read(edifact);
    }
}
