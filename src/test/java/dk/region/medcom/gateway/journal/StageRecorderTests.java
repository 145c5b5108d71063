package dk.region.medcom.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.TrackingId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The stage counter: by stage, type and outcome, and never the reason a message fails. */
class StageRecorderTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    // the journal's writes are not what this test is about (the system tests read them back)
    private final StageRecorder recorder = new StageRecorder(mock(Journal.class), meters);

    @Test
    void countsAMessageByStageTypeAndOutcome() {
        recorder.passed("validate", "VALIDATED", message("XDIS91"));
        recorder.passed("validate", "VALIDATED", message("XDIS91"));

        assertThat(meters.get("medcom.messages").tags("stage", "validate", "type", "XDIS91", "outcome", "ok")
                .counter().count()).isEqualTo(2.0);
    }

    @Test
    void aMessageWithoutATypeIsCountedAsUnknownInsteadOfFailing() {
        recorder.passed("parse", "PARSED", message(null));

        assertThat(meters.get("medcom.messages").tags("stage", "parse", "type", MessageHeader.UNKNOWN_TYPE)
                .counter().count()).isEqualTo(1.0);
    }

    private static PipelineMessage message(String type) {
        return new PipelineMessage(TrackingId.newId(), "folder", new byte[] {'<'}).withParse(MessageFormat.XML, new byte[] {'<'},
                new MessageHeader(type, null, null, null, "ENV1", "LET1", "5790000100019", "5790001000011", false));
    }
}
