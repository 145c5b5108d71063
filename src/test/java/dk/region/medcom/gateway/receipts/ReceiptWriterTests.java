package dk.region.medcom.gateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.translate.EdifactTranslator;
import dk.region.medcom.gateway.translate.Translation;
import dk.region.medcom.gateway.validate.MessageValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptWriterTests {

    static final ZonedDateTime SENT = ZonedDateTime.of(2026, 11, 24, 10, 5, 0, 0, ZoneId.of("Europe/Copenhagen"));
    static final MessageHeader ORIGINAL = new MessageHeader("XDIS91", "XD9134L", null, null, "ENV1", "LET1",
            "5790000123452", "5790000543212", true);

    @Test
    void writesANegativeReceiptThatValidatesAgainstTheReceiptSchema() {
        byte[] xml = ReceiptWriter.write(ReceiptKind.NEGATIVE, "KN0123456789ab", SENT, "5790000543212", ORIGINAL,
                "XD9134L", "syntaksfejl", List.of("XSD-INVALID: Patient mangler"));

        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<RefuseCode>syntaksfejl</RefuseCode>")
                .contains("<OriginalLetterIdentifier>LET1</OriginalLetterIdentifier>");
        List<Finding> findings = MessageValidator.withDefaults(Path.of("schemas")).validate(xml).findings();
        assertThat(findings).filteredOn(Finding::isError).isEmpty();
    }

    @Test
    void aPositiveReceiptToAnEdifactSenderTranslatesToContrl() {
        byte[] xml = ReceiptWriter.write(ReceiptKind.POSITIVE, "KP0123456789ab", SENT, "5790000543212", ORIGINAL,
                Receipts.originalVersionCode(ORIGINAL, dk.region.medcom.gateway.message.MessageFormat.EDIFACT), null,
                List.of());

        Translation edifact = EdifactTranslator.withDefaultMappings().toEdifact(xml);

        assertThat(edifact.findings()).isEmpty();
        assertThat(new String(edifact.output(), StandardCharsets.ISO_8859_1))
                .contains("UCI+ENV1+5790000123452:14+5790000543212:14+7").contains("UCM+LET1+MEDDIS:D:93A:UN:D9134L+7");
    }

    @Test
    void aNegativeReceiptToAnEdifactSenderCarriesTheRefusal() {
        byte[] xml = ReceiptWriter.write(ReceiptKind.NEGATIVE, "KN0123456789ab", SENT, "5790000543212", ORIGINAL,
                "D9134L", "ukendt_lokationsnummer", List.of("ROUTE-UNKNOWN-RECIPIENT: ingen modtager fundet"));

        Translation edifact = EdifactTranslator.withDefaultMappings().toEdifact(xml);

        assertThat(edifact.findings()).filteredOn(Finding::isError).isEmpty();
        assertThat(new String(edifact.output(), StandardCharsets.ISO_8859_1)).contains("CONTRL").contains("LOK");
    }

    @Test
    void identifiersWithCharactersXmlCannotCarryAreQuotedWithThoseReplaced() {
        // found by the HTTP fuzz campaign: an EDIFACT letter id with byte 0x11 made every negative
        // receipt fail, and the message went round the broker to the dead-letter queue without one
        MessageHeader original = new MessageHeader("DIS91", "D9134L", null, null, "ENV\u0011", "LET\u0000\uD800",
                "5790000123452", "5790000543212", true);

        byte[] xml = ReceiptWriter.write(ReceiptKind.NEGATIVE, "KN0123456789ab", SENT, "5790000543212", original,
                "D9134L", "syntaksfejl", List.of("EDI-X: bad \u001F value"));

        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<OriginalEnvelopeIdentifier>ENV?</OriginalEnvelopeIdentifier>")
                .contains("<OriginalLetterIdentifier>LET??</OriginalLetterIdentifier>").contains("bad ? value");
        Translation edifact = EdifactTranslator.withDefaultMappings().toEdifact(xml);
        assertThat(edifact.findings()).filteredOn(Finding::isError).isEmpty();
    }

    @Test
    void picksTheRefuseCodeOfTheFirstError() {
        RefuseCodes codes = RefuseCodes.load();
        assertThat(codes.codeFor(List.of(Finding.error("ROUTE-UNKNOWN-RECIPIENT", Location.NONE, "", ""))))
                .isEqualTo("ukendt_lokationsnummer");
        assertThat(codes.codeFor(List.of(Finding.error("ROUTE-RECIPIENT-DISABLED", Location.NONE, "", ""))))
                .isEqualTo("problem_med_modtagerID");
        assertThat(codes.codeFor(List.of(Finding.error("EDI-UNT-COUNT", Location.NONE, "", "")))).isEqualTo("syntaksfejl");
        assertThat(codes.codeFor(List.of(Finding.error("REF-CONSENT", Location.NONE, "", "")))).isEqualTo("ikke_specificeret");
    }
}
