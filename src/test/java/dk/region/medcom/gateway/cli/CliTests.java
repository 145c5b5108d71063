package dk.region.medcom.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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

    @Test
    void helpPrintsUsageAndExitsZeroWithoutStartingTheGateway() {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"help"}, {"serve", "--help"},
                {"--gateway.data-dir=/tmp/x", "--help"}, {"--server.port=1", "-h"}}) {
            assertThat(GatewayCommand.isToolInvocation(args)).as(String.join(" ", args)).isTrue();
            Run run = runAsTheJar(args);
            assertThat(run.exitCode).as(String.join(" ", args)).isZero();
            assertThat(run.stdout).as(String.join(" ", args)).contains("Usage: medcom-gateway");
        }
    }

    @Test
    void everyVerbAnswersHelpWithItsOwnUsage() {
        for (String verb : new String[] {"translate", "validate", "replay", "serve", "quarantine", "keys"}) {
            for (String[] args : new String[][] {{verb, "--help"}, {verb, "-h"}, {"help", verb}}) {
                Run run = runAsTheJar(args);
                assertThat(run.exitCode).as(String.join(" ", args)).isZero();
                assertThat(run.stdout).as(String.join(" ", args)).contains("Usage: medcom-gateway " + verb);
                assertThat(run.stderr).as(String.join(" ", args)).isEmpty();
            }
        }
    }

    @Test
    void versionPrintsTheVersionAndExitsZero() {
        Run run = runAsTheJar("--version");

        assertThat(run.exitCode).isZero();
        assertThat(run.stdout).startsWith("medcom-gateway ");
    }

    @Test
    void whatOthersWriteToSystemOutIsNotTheVerbsOutput() {
        // the log's console appender writes to System.out from any thread (a CI run once found
        // another test's gateway log lines in a replay's output)
        Run run = capturing(() -> {
            System.out.println("a log line from another thread");
            return GatewayCommand.run(new String[] {"translate", SAMPLES.resolve("dis91/dis91-valid-hospital-to-gp.edi").toString()});
        });

        assertThat(run.exitCode).isZero();
        assertThat(run.stdout).startsWith("<?xml").doesNotContain("a log line");
    }

    @Test
    void anUnknownOptionIsAMistakeNotHelp() {
        Run run = runAsTheJar("-x");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("Unknown option");
    }

    @Test
    void translateSaysAnXmlOnlyTypeHasNoEdifactFormWithItsOwnExitCode() {
        for (String sample : new String[] {"xref15/xref15-valid-rehabilitation.xml", "ggop/ggop-valid-general-advanced.xml"}) {
            Run run = runAsTheJar("translate", SAMPLES.resolve(sample).toString());

            assertThat(run.exitCode).as(sample).isEqualTo(TranslateCommand.NO_EDIFACT_FORM).isEqualTo(3);
            assertThat(run.stdout).as(sample).isEmpty();
            assertThat(run.stderr).as(sample).contains("has no EDIFACT form").hasLineCount(1);
        }
    }

    @Test
    void translatedXmlIsIndentedAndMeansTheSame() throws Exception {
        for (String sample : new String[] {"dis91/dis91-valid-several-texts.edi", "dis91/dis91-valid-with-references.edi",
                "ref01/ref01-valid-gp-to-orthopaedics.edi", "receipts/ctl03-valid-positive.edi"}) {
            Run run = runAsTheJar("translate", SAMPLES.resolve(sample).toString());

            assertThat(run.exitCode).as(sample).isZero();
            assertThat(run.stdout.lines()).as(sample).hasSizeGreaterThan(10);
            assertThat(run.stdout).as(sample).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Emessage")
                    .contains("\n  <Envelope>\n    <Sent>");
            // the indented XML translates back to exactly the EDIFACT it came from
            Path xml = java.nio.file.Files.createTempFile("indented", ".xml");
            try {
                java.nio.file.Files.write(xml, run.stdout.getBytes(StandardCharsets.ISO_8859_1));
                Run back = runAsTheJar("translate", "--to", "edifact", xml.toString());
                assertThat(back.exitCode).as(sample + " back").isZero();
                assertThat(back.stdout).as(sample + " back").isEqualTo(
                        java.nio.file.Files.readString(SAMPLES.resolve(sample), StandardCharsets.ISO_8859_1));
            } finally {
                java.nio.file.Files.delete(xml);
            }
        }
    }

    record Run(int exitCode, String stdout, String stderr) {
    }

    /** Runs the arguments as the jar's entry point does (GatewayCommand.run), with stdout and stderr captured. */
    static Run runAsTheJar(String... args) {
        return capturing(() -> GatewayCommand.run(args));
    }

    /**
     * Runs an entry point with what the verbs print captured (one at a time: {@link Terminal} is
     * global). Not System.out: other tests' gateways log there from their own threads.
     */
    static synchronized Run capturing(java.util.function.IntSupplier entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            Terminal.redirect(new PrintStream(out, true, StandardCharsets.ISO_8859_1),
                    new PrintStream(err, true, StandardCharsets.ISO_8859_1));
            code = entry.getAsInt();
        } finally {
            Terminal.restore();
        }
        return new Run(code, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1));
    }

    /** Runs a verb through picocli's whole command tree (no plain-arguments shortcut), output captured. */
    static Run run(String... args) {
        return capturing(() -> GatewayCommand.onTerminal(new CommandLine(new GatewayCommand())).execute(args));
    }
}
