package dk.region.medcom.gateway.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.xml.SafeXmlParser;
import dk.region.medcom.gateway.testing.MedcomConformance;
import dk.region.medcom.gateway.validate.MessageValidator;
import dk.region.medcom.gateway.validate.SchemaCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-trip tests' generated REF01 referrals (every code value of every REF01 code list, formatted
 * texts, optional parts in and out) follow the gateway's own HospitalReferral schema, as written and as
 * translated back from EDIFACT; and MedCom's own schema accepts them too.
 */
@MedcomConformance
class GeneratedReferralSchemaTest {

    private static final int LETTERS = 300;
    private static final EdifactTranslator TRANSLATOR = EdifactTranslator.withDefaultMappings();
    /** Schema only: generated dates and numbers are random, so the business rules are not the point here. */
    private static final MessageValidator OWN_SCHEMA = schemaOnly(Paths.get("schemas"));
    private static final MessageValidator MEDCOM_SCHEMA = schemaOnly(Conformance.ROOT.resolve("medcom-schemas"));

    @Test
    void generatedReferralsFollowOurSchemaBeforeAndAfterEdifact() {
        LetterGenerator generator = new LetterGenerator(1301L); // the seed RoundTripTest uses
        for (int i = 0; i < LETTERS; i++) {
            byte[] xml = generator.hospitalReferral().getBytes(StandardCharsets.UTF_8);
            assertThat(OWN_SCHEMA.validate(xml).findings()).as("letter %d:\n%s", i, text(xml)).isEmpty();
            assertThat(MEDCOM_SCHEMA.validate(xml).findings()).as("letter %d (MedCom's schema):\n%s", i, text(xml)).isEmpty();

            Translation edifact = TRANSLATOR.toEdifact(xml);
            assertThat(edifact.findings()).as("letter %d", i).filteredOn(Finding::isError).isEmpty();
            Translation back = TRANSLATOR.toXml(edifact.output());
            assertThat(back.findings()).as("letter %d", i).filteredOn(Finding::isError).isEmpty();
            assertThat(OWN_SCHEMA.validate(back.output()).findings()).as("letter %d back from EDIFACT:\n%s", i, text(back.output()))
                    .isEmpty();
        }
    }

    @Test
    void generatedReferralsFromOtherSeedsFollowOurSchema() {
        for (long seed = 1; seed <= 3; seed++) {
            LetterGenerator generator = new LetterGenerator(seed);
            for (int i = 0; i < 100; i++) {
                byte[] xml = generator.hospitalReferral().getBytes(StandardCharsets.UTF_8);
                assertThat(OWN_SCHEMA.validate(xml).findings()).as("seed %d letter %d:\n%s", seed, i, text(xml)).isEmpty();
            }
        }
    }

    private static MessageValidator schemaOnly(Path root) {
        return new MessageValidator(new SchemaCatalog(List.of(root)), new SafeXmlParser(), List.of());
    }

    private static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }
}
