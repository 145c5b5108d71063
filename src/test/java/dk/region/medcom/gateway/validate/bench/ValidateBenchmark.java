package dk.region.medcom.gateway.validate.bench;

import dk.region.medcom.gateway.parse.xml.SafeXmlParser;
import dk.region.medcom.gateway.parse.xml.UnreadableXmlException;
import dk.region.medcom.gateway.validate.MessageValidator;
import dk.region.medcom.gateway.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.w3c.dom.Document;

/**
 * Messages per second through the validate stage: safe parse, XSD and business rules, for a
 * typical XREF15 referral (target at least 5,000/s on one core). Run with bench/jmh-validate.sh.
 * Public because JMH generates subclasses of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ValidateBenchmark {

    private MessageValidator validator;
    private SafeXmlParser parser;
    private byte[] xref15;
    private byte[] xdis91;

    @Setup
    public void setUp() throws IOException {
        validator = MessageValidator.withDefaults(Path.of("schemas"));
        parser = new SafeXmlParser();
        xref15 = Files.readAllBytes(Path.of("samples", "xref15", "xref15-valid-rehabilitation.xml"));
        xdis91 = Files.readAllBytes(Path.of("samples", "xdis91", "xdis91-valid-needs-assessment.xml"));
        if (!validator.validate(xref15).valid()) {
            throw new IllegalStateException("the benchmark message must be valid");
        }
    }

    @Benchmark
    public ValidationReport validateXref15() {
        return validator.validate(xref15);
    }

    @Benchmark
    public ValidationReport validateXdis91() {
        return validator.validate(xdis91);
    }

    @Benchmark
    public Document parseXref15Only() throws UnreadableXmlException {
        return parser.parse(xref15);
    }
}
