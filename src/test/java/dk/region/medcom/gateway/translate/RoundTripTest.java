package dk.region.medcom.gateway.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.testing.MedcomConformance;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Round trips on generated letters: XML → EDIFACT → XML gives the same document, and that
 * EDIFACT → XML → EDIFACT gives the same bytes. Generated XML is also checked against MedCom's XSD.
 */
@MedcomConformance
class RoundTripTest {

    private static final EdifactTranslator TRANSLATOR = EdifactTranslator.withDefaultMappings();
    private static final int LETTERS = 400;

    @Test
    void clinicalEmailsSurviveBothRoundTrips() {
        LetterGenerator generator = new LetterGenerator(20261124L);
        roundTrips(generator::clinicalEmail);
    }

    @Test
    void hospitalReferralsSurviveBothRoundTrips() {
        LetterGenerator generator = new LetterGenerator(1301L);
        roundTrips(generator::hospitalReferral);
    }

    @Test
    void receiptsSurviveBothRoundTrips() {
        LetterGenerator generator = new LetterGenerator(4242L);
        roundTrips(generator::receipt);
    }

    private static void roundTrips(Supplier<String> letters) {
        for (int i = 0; i < LETTERS; i++) {
            byte[] xml = letters.get().getBytes(StandardCharsets.UTF_8);
            if (i < 60) {
                Conformance.assertValid(xml);
            }
            Translation edifact = TRANSLATOR.toEdifact(xml);
            assertThat(edifact.findings()).as("letter %d: %s", i, new String(xml, StandardCharsets.UTF_8))
                    .filteredOn(Finding::isError).isEmpty();
            Translation backToXml = TRANSLATOR.toXml(edifact.output());
            assertThat(backToXml.findings()).as("letter %d:\n%s", i, new String(edifact.output(), StandardCharsets.ISO_8859_1))
                    .filteredOn(Finding::isError).isEmpty();
            assertThat(Conformance.outline(backToXml.output())).as("letter %d XML → EDIFACT → XML", i)
                    .isEqualTo(Conformance.outline(xml));
            Translation backToEdifact = TRANSLATOR.toEdifact(backToXml.output());
            assertThat(new String(backToEdifact.output(), StandardCharsets.ISO_8859_1)).as("letter %d EDIFACT → XML → EDIFACT", i)
                    .isEqualTo(new String(edifact.output(), StandardCharsets.ISO_8859_1));
        }
    }
}
