package dk.region.medcom.gateway.parse.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Channel;
import dk.region.medcom.gateway.message.Recipient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The resolved receiver is written into a copy: the DOM parse read stays the message as received. */
class ReceiverWriterTests {

    private static final Recipient AARHUS = new Recipient("5799997510009", "Aarhus, Sundhed og Omsorg", "751",
            "Aarhus Kommune", "Sundhed og Omsorg", Channel.folder(), Set.of("XDIS91"), true, false, List.of());

    @Test
    void writesTheReceiverIntoACopyAndLeavesTheParsedDocumentAsReceived() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Emessage xmlns=\"urn:test\"><Envelope/><ClinicalEmail><Receiver>"
                + "<EANIdentifier>DKKMDKMDNET</EANIdentifier><Identifier>751</Identifier>"
                + "<IdentifierCode>kommunenummer</IdentifierCode><OrganisationName>Old</OrganisationName>"
                + "</Receiver></ClinicalEmail></Emessage>";
        Document parsed = new SafeXmlParser().parse(xml.getBytes(StandardCharsets.UTF_8));

        String written = new String(new ReceiverWriter().write(parsed, AARHUS), StandardCharsets.UTF_8);

        assertThat(written).contains("<EANIdentifier>5799997510009</EANIdentifier>")
                .contains("<OrganisationName>Aarhus Kommune</OrganisationName>")
                .doesNotContain("DKKMDKMDNET");
        assertThat(parsed.getElementsByTagNameNS("urn:test", "EANIdentifier").item(0).getTextContent())
                .isEqualTo("DKKMDKMDNET");
        assertThat(parsed.getElementsByTagNameNS("urn:test", "OrganisationName").item(0).getTextContent())
                .isEqualTo("Old");
    }
}
