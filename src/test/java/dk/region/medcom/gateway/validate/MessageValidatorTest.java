package dk.region.medcom.gateway.validate;

import dk.region.medcom.gateway.parse.xml.MessageKind;
import dk.region.medcom.gateway.validate.rules.BusinessRule;
import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.Severity;
import dk.region.medcom.gateway.parse.xml.SafeXmlParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessageValidatorTest {

    private static final MessageValidator VALIDATOR = MessageValidator.withDefaults(Fixtures.SCHEMAS);

    @Test
    void turnsGarbageIntoAnErrorFindingInsteadOfThrowing() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);

        ValidationReport report = VALIDATOR.validate(garbage);

        assertThat(report.valid()).isFalse();
        assertThat(report.kind()).isEqualTo(MessageKind.UNKNOWN);
        assertThat(report.errors()).singleElement().satisfies(f -> assertThat(f.ruleId()).startsWith("XML-"));
        assertThat(report.refuseCode()).contains("SYN");
    }

    @Test
    void reportsARuleThatCrashesInsteadOfPassingTheMessage() {
        BusinessRule broken = message -> {
            throw new IllegalStateException("bug");
        };
        MessageValidator validator = new MessageValidator(new SchemaCatalog(List.of(Fixtures.SCHEMAS)), new SafeXmlParser(), List.of(broken));

        ValidationReport report = validator.validate(Fixtures.sample("xdis91", "xdis91-valid-needs-assessment.xml"));

        assertThat(report.errors()).extracting(Finding::ruleId).containsExactly("RULE-FAILED");
    }

    @Test
    void warningsAndRemarksDoNotMakeAMessageInvalid() {
        Finding warning = new Finding("GLN-CHECK-DIGIT", Severity.WARNING, Location.NONE, "en", "da");
        Finding remark = new Finding("CHILD-PATHWAY", Severity.INFO, Location.NONE, "en", "da");

        assertThat(new ValidationReport(MessageKind.UNKNOWN, List.of(warning, remark)).valid()).isTrue();
        assertThat(new ValidationReport(MessageKind.UNKNOWN, List.of(warning, remark)).refuseCode()).isEmpty();
    }

    @Test
    void aReceiverProblemMapsToRefuseCodeMid() {
        String xml = Fixtures.sampleText("ggop", "ggop-valid-general-advanced.xml")
                .replace(">almen_genoptraening_avanceret<", ">specialiseret_genoptraening<");

        assertThat(VALIDATOR.validate(Fixtures.utf8(xml)).refuseCode()).contains("MID");
    }

    @Test
    void noFindingTextEverContainsACprNumberOrTheMessagesText() throws Exception {
        List<Path> samples;
        try (Stream<Path> walk = Files.walk(Fixtures.SAMPLES)) {
            samples = walk.filter(p -> p.toString().endsWith(".xml")).toList();
        }
        for (Path sample : samples) {
            for (Finding f : VALIDATOR.validate(Fixtures.bytes(sample)).findings()) {
                String texts = f.textEn() + " " + f.textDa();
                assertThat(texts).as(sample + " " + f.ruleId()).doesNotContainPattern("\\b\\d{6}-?\\d{4}\\b")
                        .doesNotContain("Testesen", "Prøvesen", "Behovsvurdering");
            }
        }
    }

    @Test
    void checksEveryLetterOfAnInterchangeAndReportsEnvelopeFindingsOnce() {
        String one = Fixtures.sampleText("xdis91", "xdis91-valid-needs-assessment.xml");
        String letter = one.substring(one.indexOf("  <ClinicalEmail>"), one.indexOf("</Emessage>"));
        String two = one.replace("</Emessage>", letter.replace(">0101904016<", ">3102904016<") + "</Emessage>")
                .replace("<Date>2026-11-20</Date>\n      <Time>09:15</Time>", "<Date>2099-11-20</Date>\n      <Time>09:15</Time>");

        ValidationReport report = VALIDATOR.validate(Fixtures.utf8(two));

        assertThat(report.errors()).extracting(f -> f.ruleId() + " " + f.location().xpath()).containsExactly(
                "DATE-IN-FUTURE /Emessage/Envelope/Sent/Date",
                "CPR-DATE /Emessage/ClinicalEmail[2]/Patient/CivilRegistrationNumber");
    }

    @Test
    void masksACprNumberSmuggledIntoAVersionCode() {
        ValidationReport report = VALIDATOR.validate(Fixtures.utf8(
                "<Emessage xmlns='urn:nobody'><Envelope/><X><Letter><VersionCode>0101904016</VersionCode></Letter></X></Emessage>"));

        assertThat(report.errors()).singleElement().satisfies(f ->
                assertThat(f.textEn() + f.textDa()).doesNotContain("0101904016").contains("**********"));
    }

    @Test
    void givesTheSameAnswersWhenSharedBetweenThreads() throws Exception {
        List<Path> samples;
        try (Stream<Path> walk = Files.walk(Fixtures.SAMPLES)) {
            samples = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        Map<Path, List<Finding>> alone = samples.stream()
                .collect(Collectors.toMap(Function.identity(), p -> VALIDATOR.validate(Fixtures.bytes(p)).findings()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (Path sample : samples) {
                    runs.add(pool.submit(() -> VALIDATOR.validate(Fixtures.bytes(sample)).findings().equals(alone.get(sample))));
                }
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
