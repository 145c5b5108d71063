package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.cli.GatewayCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import picocli.CommandLine;

/**
 * Replays every sample (subfolders of samples/) with the CLI's {@code replay --expect-from-names}
 * against a running gateway, which checks the outcome its name promises: {@code -valid-} is delivered, {@code -invalid-} is quarantined.
 * Then checks that no CPR number from the samples reached the log.
 */
@GatewayIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SamplesReplayTests extends GatewayTestSupport {

    private static final Pattern CPR_IN_XML = Pattern.compile("CivilRegistrationNumber>\\s*(\\d{10})\\s*<");
    private static final Pattern CPR_IN_EDIFACT = Pattern.compile("PNA\\+[A-Z]{2,3}\\+(\\d{10})");

    @LocalServerPort
    int port;

    @Test
    void everySampleEndsAsItsNamePromisesAndNoCprReachesTheLog(CapturedOutput log) throws IOException {
        int samples;
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            samples = (int) files.filter(f -> f.toString().endsWith(".xml") || f.toString().endsWith(".edi")).count();
        }
        assertThat(samples).isGreaterThan(3);

        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new GatewayCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        int exit = cli.execute("replay", SAMPLES.toString(), "--url", "http://127.0.0.1:" + port, "--timeout", "20",
                "--fresh-ids", "--expect-from-names", "--user", "operator:demo-operator");
        // (as an operator: some invalid samples name no sender a sender user could be bound to)

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).as("one line per sample, then the summary").hasSize(samples + 1);
        assertThat(lines.get(lines.size() - 1)).as(out.toString()).matches(samples + " files: \\d+ delivered, \\d+ quarantined, 0 unexpected");
        assertThat(exit).as(out.toString()).isZero();

        Set<String> cprNumbers = cprNumbersInSamples();
        assertThat(cprNumbers).as("the samples carry CPR numbers, so this check can fail").isNotEmpty();
        for (String cpr : cprNumbers) {
            assertThat(log.getAll()).as("log output").doesNotContain(cpr);
        }
    }

    private static Set<String> cprNumbersInSamples() throws IOException {
        Set<String> found = new HashSet<>();
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (Pattern pattern : List.of(CPR_IN_XML, CPR_IN_EDIFACT)) {
                    Matcher m = pattern.matcher(text);
                    while (m.find()) {
                        found.add(m.group(1));
                    }
                }
            }
        }
        return found;
    }
}
