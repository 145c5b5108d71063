package dk.region.medcom.gateway.journal;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.PipelineMessage;
import org.springframework.stereotype.Component;

/**
 * The parse route's answer to a message whose journal writes the database refused for their data
 * (routes/parse.yaml): on its redelivery it is rejected (JOURNAL-REFUSED), quarantined once and
 * answered with a negative receipt, and journaled without the values read from it, which is what
 * the database may have refused. Without this it would fail the same way on every delivery.
 */
@Component("journalRefusals")
public class JournalRefusals {

    private final JournalWriter writer;

    public JournalRefusals(JournalWriter writer) {
        this.writer = writer;
    }

    public PipelineMessage check(PipelineMessage message) {
        if (writer.refusedBefore(message.trackingId())) {
            return message.withJournalWithoutHeader().withFinding(Finding.error("JOURNAL-REFUSED", Location.NONE,
                    "the gateway's journal refused this message's values; it cannot be processed and is kept in quarantine",
                    "gatewayens journal afviste meddelelsens værdier; den kan ikke behandles og er sat i karantæne"));
        }
        return message;
    }
}
