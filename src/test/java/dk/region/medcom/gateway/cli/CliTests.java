package dk.region.medcom.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The tester's verbs, run in-process without Spring: output, error lines and exit codes. */
class CliTests {

    static final Path SAMPLES = Path.of("samples");

    @Test
    void translatesAnEdifactSampleToXml() {
        Run run = run("translate", SAMPLES.resolve("dis91/dis91-valid-hospital-to-gp.edi").toString());

        assertThat(run.exitCode).isZero();
        assertThat(run.stdout).contains("<Emessage").contains("XD9134L");
        assertThat(run.stderr).isEmpty();
    }

    @Test
    void translatesAnXmlSampleToEdifactWhenAsked() {
        Run run = run("translate", "--to", "edifact", SAMPLES.resolve("xdis91/xdis91-valid-needs-assessment.xml").toString());

        assertThat(run.exitCode).isZero();
        assertThat(run.stdout).startsWith("UNA").contains("UNH+").contains("MEDDIS");
    }

    @Test
    void translateReportsOneErrorPerLineAndExitsOneForBrokenInput() {
        Run run = run("translate", SAMPLES.resolve("dis91/dis91-invalid-unt-count.edi").toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.stdout).isEmpty();
        assertThat(run.stderr.lines()).isNotEmpty().allMatch(l -> l.startsWith("ERROR "));
        assertThat(run.stderr).contains("UNT");
    }

    @Test
    void validateExitsZeroForAValidMessage() {
        Run run = run("validate", SAMPLES.resolve("xdis91/xdis91-valid-needs-assessment.xml").toString());

        assertThat(run.exitCode).isZero();
        assertThat(run.stdout).endsWith("valid" + System.lineSeparator());
    }

    @Test
    void validatePrintsFindingsAndExitsOneForAnInvalidMessage() {
        Run run = run("validate", SAMPLES.resolve("xdis91/xdis91-invalid-missing-patient.xml").toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.stdout).contains("ERROR ").contains("Patient").endsWith("invalid" + System.lineSeparator());
    }

    @Test
    void validateExitsTwoForAnUnreadableFile() {
        Run run = run("validate", "no/such/file.xml");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("cannot read");
    }

    @Test
    void validateExitsTwoAndSaysSoWithoutASchemaFolder() {
        Run run = run("validate", "--schemas", "no/such/schemas",
                SAMPLES.resolve("xdis91/xdis91-valid-needs-assessment.xml").toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("no schema folder at").contains("--schemas");
    }

    @Test
    void tellsToolVerbsFromStartingTheGateway() {
        assertThat(GatewayCommand.isToolInvocation(new String[] {"translate", "x"})).isTrue();
        assertThat(GatewayCommand.isToolInvocation(new String[] {})).isFalse();
        assertThat(GatewayCommand.isToolInvocation(new String[] {"serve"})).isFalse();
        assertThat(GatewayCommand.isToolInvocation(new String[] {"--gateway.data-dir=/tmp/x"})).isFalse();
    }

    record Run(int exitCode, String stdout, String stderr) {
    }

    /** Runs a verb with stdout (raw bytes for translate, the writer for the others) and stderr captured. */
    static synchronized Run run(String... args) {
        PrintStream realOut = System.out;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try {
            System.setOut(new PrintStream(raw, true, StandardCharsets.ISO_8859_1));
            CommandLine cli = new CommandLine(new GatewayCommand());
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            code = cli.execute(args);
        } finally {
            System.setOut(realOut);
        }
        return new Run(code, out + raw.toString(StandardCharsets.ISO_8859_1), err.toString());
    }
}
