package dk.region.medcom.gateway.journal;

import dk.region.medcom.gateway.message.Excerpt;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.MessageFormat;
import dk.region.medcom.gateway.message.MessageHeader;
import dk.region.medcom.gateway.message.PipelineMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.stereotype.Component;

/**
 * Records that a message passed a stage: one journal event, one log line and one counter.
 * The log line carries identifiers only (tracking id, type, location numbers), never a CPR number
 * or any part of the body, so logs can be shipped to ordinary log stores.
 */
@Component("stageRecorder")
public class StageRecorder {

    private static final Logger LOG = LoggerFactory.getLogger("medcom.pipeline");
    /** Stages where a message's way through the gateway ends. */
    private static final Set<String> OUTCOME_STAGES = Set.of("deliver", "dedupe", "reject");

    private final Journal journal;
    private final MeterRegistry meters;

    public StageRecorder(Journal journal, MeterRegistry meters) {
        this.journal = journal;
        this.meters = meters;
    }

    /**
     * The message passed {@code stage} and reached {@code state}, or was rejected there (REJECTED,
     * with the findings; the reject route journals QUARANTINED once it is safe in quarantine).
     * The forms made at a stage are kept encrypted: the XML form at parse (when the original was
     * EDIFACT), the recipient's form at translate. Each entry lists the findings made since the
     * last one; the message returned has them recorded (the route carries it on as the body).
     */
    public PipelineMessage passed(String stage, String state, PipelineMessage message) {
        log(stage, message);
        MessageState reached = message.isRejected() ? MessageState.REJECTED : MessageState.valueOf(state);
        if (!message.isJournalWithoutHeader()) {
            keepForms(stage, reached, message);
        }
        journal.record(message.trackingId(), stage, reached, message.format(),
                journaled(message), recipientOf(message), findingLines(message));
        if ("route".equals(stage) && message.routing() != null && message.routing().municipality() != null) {
            journal.municipality(message.trackingId(), message.routing().municipality());
        }
        return message.withFindingsRecorded();
    }

    private void keepForms(String stage, MessageState reached, PipelineMessage message) {
        if ("parse".equals(stage) && message.xml() != null) {
            if (message.format() == MessageFormat.EDIFACT) {
                journal.keep(message.trackingId(), BodyKind.XML, message.xml());
            }
            journal.identifyPatient(message.trackingId(), message.patient());
        }
        if (reached == MessageState.TRANSLATED) {
            journal.keep(message.trackingId(), BodyKind.OUTBOUND, message.outbound());
        }
    }

    /** The original and its reasons are in quarantine. */
    public PipelineMessage quarantined(PipelineMessage message) {
        log("reject", message);
        journal.record(message.trackingId(), "reject", MessageState.QUARANTINED, message.format(),
                journaled(message), recipientOf(message), findingLines(message));
        return message.withFindingsRecorded();
    }

    private static MessageHeader journaled(PipelineMessage message) {
        return message.isJournalWithoutHeader() ? MessageHeader.UNKNOWN : message.header();
    }

    /**
     * INFO where a message's way through the gateway ends (delivered, duplicate, rejected,
     * quarantined), DEBUG for the stages on the way: one line per message and outcome at the
     * default level, not one per stage; the journal keeps every stage (GET /api/messages/{id}).
     */
    private void log(String stage, PipelineMessage message) {
        boolean rejected = message.isRejected();
        String outcome = rejected ? "rejected" : "ok";
        MessageHeader header = message.header();
        LOG.atLevel(rejected || OUTCOME_STAGES.contains(stage) ? Level.INFO : Level.DEBUG)
                .log("stage={} tracking={} type={} sender={} receiver={} outcome={} findings={}", stage,
                        message.trackingId(), Excerpt.of(header.messageType()), Excerpt.of(header.senderLocation()),
                        Excerpt.of(header.receiverLocation()), outcome, message.findings().size());
        // counted as received: an EDIFACT DIS91 is a DIS91 to the people reading the dashboards
        counter(stage, MessageSummary.asReceived(header.messageType(),
                message.format() == null ? null : message.format().name()), outcome).increment();
    }

    private static String recipientOf(PipelineMessage message) {
        return message.routing() == null || message.routing().recipient() == null
                ? null : message.routing().recipient().locationNumber();
    }

    private Counter counter(String stage, String type, String outcome) {
        // a tag must not be null, and a metric must never be why a message fails
        return Counter.builder("medcom.messages")
                .description("Messages that passed a pipeline stage")
                .tag("stage", stage).tag("type", type == null ? MessageHeader.UNKNOWN_TYPE : type).tag("outcome", outcome)
                .register(meters);
    }

    private static String findingLines(PipelineMessage message) {
        List<Finding> fresh = message.newFindings();
        return fresh.isEmpty() ? null : fresh.stream().map(Finding::toLine).collect(Collectors.joining("\n"));
    }
}
