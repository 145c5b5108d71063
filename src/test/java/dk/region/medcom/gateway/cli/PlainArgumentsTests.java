package dk.region.medcom.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The jar's fast path answers exactly as picocli does, and hands picocli what it does not read. */
class PlainArgumentsTests {

    static final String EDI = "samples/dis91/dis91-valid-hospital-to-gp.edi";
    static final String XML = "samples/xdis91/xdis91-invalid-missing-patient.xml";

    @Test
    void translatesAndValidatesLikePicocli() {
        assertSame("translate", EDI);
        assertSame("translate", "--to", "xml", EDI);
        assertSame("translate", "--to=edifact", "samples/xdis91/xdis91-valid-needs-assessment.xml");
        assertSame("translate", "samples/dis91/dis91-invalid-unt-count.edi");
        assertSame("validate", XML);
        assertSame("validate", "--schemas", "schemas", XML);
        assertSame("validate", "no/such/file.xml");
    }

    @Test
    void leavesHelpAndMistakesToPicocli() {
        assertThat(PlainArguments.run(new String[] {"translate"})).isEmpty();
        assertThat(PlainArguments.run(new String[] {"translate", "--to", "pdf", EDI})).isEmpty();
        assertThat(PlainArguments.run(new String[] {"translate", "--help"})).isEmpty();
        assertThat(PlainArguments.run(new String[] {"validate", "a", "b"})).isEmpty();
        assertThat(PlainArguments.run(new String[] {"replay", "samples"})).isEmpty();
    }

    private static void assertSame(String... args) {
        CliTests.Run picocli = CliTests.run(args);
        CliTests.Run plain = runPlain(args);
        assertThat(plain).isEqualTo(picocli);
    }

    private static CliTests.Run runPlain(String... args) {
        return CliTests.capturing(() -> PlainArguments.run(args).orElseThrow());
    }
}
