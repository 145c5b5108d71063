package dk.region.medcom.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The message is a value: a stage gets a new one back and the one it was given stays as it was. */
class PipelineMessageTests {

    private static final Finding WARNING = new Finding("W1", Severity.WARNING, Location.NONE, "w", "w");
    private static final Finding ERROR = Finding.error("E1", Location.NONE, "e", "e");

    private final PipelineMessage received = new PipelineMessage(TrackingId.newId(), "test", new byte[] {'<'});

    @Test
    void aStageGetsANewMessageAndTheOneItWasGivenStaysAsItWas() {
        PipelineMessage parsed = received.withParse(MessageFormat.XML, new byte[] {'<'}, MessageHeader.UNKNOWN);
        PipelineMessage rejected = parsed.withFinding(ERROR);

        assertThat(received.format()).isNull();
        assertThat(parsed.format()).isEqualTo(MessageFormat.XML);
        assertThat(parsed.findings()).isEmpty();
        assertThat(parsed.isRejected()).isFalse();
        assertThat(rejected.isRejected()).isTrue();
        assertThat(rejected.trackingId()).isEqualTo(received.trackingId());
        assertThatThrownBy(() -> rejected.findings().add(WARNING)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void eachJournalEntryListsTheFindingsSinceTheLastOne() {
        PipelineMessage parsed = received.withFinding(WARNING);
        assertThat(parsed.newFindings()).containsExactly(WARNING);

        PipelineMessage recorded = parsed.withFindingsRecorded();
        assertThat(recorded.newFindings()).isEmpty();
        assertThat(parsed.newFindings()).containsExactly(WARNING);

        PipelineMessage validated = recorded.withFindings(List.of(ERROR));
        assertThat(validated.newFindings()).containsExactly(ERROR);
        assertThat(validated.findings()).containsExactly(WARNING, ERROR);
    }

    @Test
    void theReceiverIsWrittenOnlyWhenRoutingResolvedAnotherThanTheMessageNames() throws Exception {
        Recipient aarhus = new Recipient("5799997510009", "Aarhus", Channel.folder(), java.util.Set.of("XDIS91"), true);
        MessageHeader toNetwork = new MessageHeader("XDIS91", "V", "urn:test", "ClinicalEmail", "E1", "L1",
                "5790000100019", "DKKMDKMDNET", false);
        PipelineMessage routed = received.withParse(MessageFormat.XML, new byte[] {'<'},
                        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument(), toNetwork)
                .withRouting(new RoutingDecision(aarhus, MessageFormat.XML, "751", List.of()));

        assertThat(routed.receiverToWrite()).contains(aarhus);
        assertThat(routed.isEnriched()).isTrue();
        assertThat(routed.withParse(MessageFormat.XML, new byte[] {'<'}, routed.document(),
                new MessageHeader("XDIS91", "V", "urn:test", "ClinicalEmail", "E1", "L1", "5790000100019",
                        "5799997510009", false)).isEnriched()).isFalse();
    }
}
