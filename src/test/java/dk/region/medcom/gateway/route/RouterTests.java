package dk.region.medcom.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.TrackingId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTests {

    static final Recipient XML_MUNICIPALITY = new Recipient("5790001000014", "Kommune", Channel.folder(),
            Set.of("XDIS91"), true);
    static final Recipient EDIFACT_PRACTICE = new Recipient("5790001000021", "Praksis", Channel.folder(),
            Set.of("DIS91"), true);
    static final Recipient DISABLED = new Recipient("5790001000038", "Slukket", Channel.folder(),
            Set.of("XDIS91"), false);

    final Router router = new Router(new RecipientDirectory(List.of(XML_MUNICIPALITY, EDIFACT_PRACTICE, DISABLED)));

    @Test
    void routesToARecipientThatTakesTheXmlAsXml() {
        PipelineMessage routed = router.route(messageTo("5790001000014"));

        assertThat(routed.isRejected()).isFalse();
        assertThat(routed.routing().recipient()).isEqualTo(XML_MUNICIPALITY);
        assertThat(routed.routing().targetFormat()).isEqualTo(MessageFormat.XML);
        assertThat(routed.routing().steps()).hasSize(2);
    }

    @Test
    void routesToAnEdifactOnlyRecipientAsEdifact() {
        PipelineMessage routed = router.route(messageTo("5790001000021"));

        assertThat(routed.routing().targetFormat()).isEqualTo(MessageFormat.EDIFACT);
    }

    @Test
    void rejectsAnUnknownReceiver() {
        assertThat(ruleIds(router.route(messageTo("5790009999994")))).containsExactly("ROUTE-UNKNOWN-RECIPIENT");
    }

    @Test
    void rejectsADisabledRecipient() {
        assertThat(ruleIds(router.route(messageTo("5790001000038")))).containsExactly("ROUTE-RECIPIENT-DISABLED");
    }

    @Test
    void rejectsATypeTheRecipientDoesNotTake() {
        PipelineMessage referral = new PipelineMessage(TrackingId.newId(), "test", new byte[0]);
        referral.parsed(MessageFormat.XML, new byte[0], header("XREF15", "5790001000014"));

        assertThat(ruleIds(router.route(referral))).containsExactly("ROUTE-FORMAT-NOT-TAKEN");
    }

    @Test
    void loadsTheDemoDirectory() {
        RecipientDirectory demo = RecipientDirectory.load("classpath:directory/demo-recipients.yaml");

        assertThat(demo.find("5790001000014")).get().extracting(Recipient::enabled).isEqualTo(true);
        assertThat(demo.find("5790001000038")).get().extracting(Recipient::enabled).isEqualTo(false);
        assertThat(demo.find(null)).isEmpty();
    }

    private static PipelineMessage messageTo(String receiver) {
        PipelineMessage message = new PipelineMessage(TrackingId.newId(), "test", new byte[0]);
        message.parsed(MessageFormat.XML, new byte[0], header("XDIS91", receiver));
        return message;
    }

    private static MessageHeader header(String type, String receiver) {
        return new MessageHeader(type, "XD9134L", "ns", "ClinicalEmail", "E1", "L1", "5790000100019", receiver, false);
    }

    private static List<String> ruleIds(PipelineMessage message) {
        return message.findings().stream().map(Finding::ruleId).toList();
    }
}
