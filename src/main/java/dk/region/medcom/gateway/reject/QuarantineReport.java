package dk.region.medcom.gateway.reject;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dk.region.medcom.gateway.message.Excerpt;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.PipelineMessage;
import java.time.Instant;
import java.util.List;

/**
 * What {@code quarantine/<tracking id>.<ext>.error.json} says, as Jackson writes it: the message's
 * identifiers and the reasons it was rejected, each with its place. Values read from the message
 * are bounded excerpts with CPR-shaped numbers masked ({@link Excerpt}).
 */
record QuarantineReport(String trackingId, String source, String quarantinedAt, String messageType, String envelopeId,
                        String letterId, String senderLocation, String receiverLocation, List<Reason> findings) {

    static QuarantineReport of(PipelineMessage message, Instant quarantinedAt) {
        return new QuarantineReport(message.trackingId().value(), message.source(), quarantinedAt.toString(),
                Excerpt.orNull(message.header().messageType()), Excerpt.orNull(message.header().envelopeId()),
                Excerpt.orNull(message.header().letterId()), Excerpt.orNull(message.header().senderLocation()),
                Excerpt.orNull(message.header().receiverLocation()),
                message.findings().stream().map(Reason::of).toList());
    }

    /** One finding; the parts of its place that it has (segment and offset for EDIFACT, line, column and XPath for XML). */
    record Reason(String ruleId, String severity, String location,
                  @JsonInclude(Include.NON_NULL) Integer segmentNumber, @JsonInclude(Include.NON_NULL) String segmentTag,
                  @JsonInclude(Include.NON_NULL) Long byteOffset, @JsonInclude(Include.NON_NULL) Integer line,
                  @JsonInclude(Include.NON_NULL) Integer column, @JsonInclude(Include.NON_NULL) String xpath,
                  String en, String da) {

        static Reason of(Finding finding) {
            Location at = finding.location() == null ? Location.NONE : finding.location();
            return new Reason(finding.ruleId(), finding.severity().name(), at.describe(), at.segmentNumber(),
                    at.segmentTag(), at.byteOffset(), at.line(), at.column(), at.xpath(), finding.textEn(), finding.textDa());
        }
    }
}
