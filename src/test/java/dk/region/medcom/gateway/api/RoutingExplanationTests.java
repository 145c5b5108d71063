package dk.region.medcom.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dk.region.medcom.gateway.message.Channel;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.Recipient;
import dk.region.medcom.gateway.message.RoutingDecision;
import dk.region.medcom.gateway.route.RoutingOutcome;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The routing explanation is a record Jackson renders: the same fields, in the same order, as the map it replaced. */
class RoutingExplanationTests {

    // Spring Boot's mapper has the JDK 8 module (Optional) too
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final MessageHeader HEADER =
            new MessageHeader("XREF15", "XH1530R", "urn:x", "MunicipalReferral", "E1", "L1", "5790000100019", null, true);
    private static final Recipient AALBORG = new Recipient("5799998510002", "Aalborg", Channel.folder(), Set.of("XREF15"), true);

    @Test
    void aRoutedMessageNamesItsRecipientAndKeepsAnUnusedMunicipalityAsNull() throws Exception {
        RoutingOutcome routed = new RoutingOutcome(
                new RoutingDecision(AALBORG, MessageFormat.XML, null, List.of("a", "b")), null, List.of("a", "b"));

        assertThat(JSON.writeValueAsString(RoutingExplanation.of(HEADER, routed))).isEqualTo(
                "{\"messageType\":\"XREF15\",\"receiverLocation\":null,\"routed\":true,\"steps\":[\"a\",\"b\"],"
                        + "\"recipient\":{\"locationNumber\":\"5799998510002\",\"name\":\"Aalborg\",\"channel\":\"folder\"},"
                        + "\"format\":\"XML\",\"municipality\":null}");
    }

    @Test
    void aRoutedMessageByMunicipality() throws Exception {
        RoutingOutcome routed = new RoutingOutcome(
                new RoutingDecision(AALBORG, MessageFormat.EDIFACT, "851", List.of("a")), null, List.of("a"));

        assertThat(JSON.readTree(JSON.writeValueAsString(RoutingExplanation.of(HEADER, routed))).path("municipality").asText())
                .isEqualTo("851");
    }

    @Test
    void aFailedDecisionSaysWhy() throws Exception {
        Finding failure = Finding.error("ROUTE-UNKNOWN-RECIPIENT", Location.NONE, "no recipient found", "ingen modtager");
        String json = JSON.writeValueAsString(RoutingExplanation.of(HEADER, new RoutingOutcome(null, failure, List.of("x"))));

        assertThat(json).isEqualTo("{\"messageType\":\"XREF15\",\"receiverLocation\":null,\"routed\":false,"
                + "\"steps\":[\"x\"],\"failure\":" + JSON.writeValueAsString(failure.toLine()) + "}");
    }

    @Test
    void anUnreadableMessageListsItsErrorsOnly() throws Exception {
        Finding error = Finding.error("PARSE-EMPTY", Location.NONE, "the message is empty", "tom");
        Finding info = new Finding("X-INFO", dk.region.medcom.gateway.message.Severity.INFO, Location.NONE, "i", "i");
        String json = JSON.writeValueAsString(RoutingExplanation.unreadable(MessageHeader.UNKNOWN, List.of(error, info)));

        assertThat(json).isEqualTo("{\"messageType\":\"UNKNOWN\",\"receiverLocation\":null,\"routed\":false,"
                + "\"findings\":[" + JSON.writeValueAsString(error.toLine()) + "],"
                + "\"steps\":[\"the message could not be read, so it cannot be routed\"]}");
    }
}
