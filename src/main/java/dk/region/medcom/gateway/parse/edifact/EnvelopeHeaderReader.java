package dk.region.medcom.gateway.parse.edifact;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.MessageHeader;
import java.util.Optional;

/**
 * Reads who sent an EDIFACT interchange and which letter it holds from UNB and the first UNH,
 * for an interchange whose body could not be translated. The sender still gets a negative
 * receipt (CTL02) naming the letter, which is when a receipt matters most.
 */
public final class EnvelopeHeaderReader {

    private final EdifactReader reader = new EdifactReader((type, version) -> true);

    /** Empty when there is no UNB naming a sender. */
    public Optional<MessageHeader> read(byte[] edifact) {
        Interchange interchange = reader.read(edifact);
        Segment unb = interchange.header();
        if (unb == null || unb.value(2).isEmpty()) {
            return Optional.empty();
        }
        Segment unh = interchange.segments().stream().filter(s -> s.is("UNH")).findFirst().orElse(null);
        String letterType = unh == null ? "" : unh.value(3);
        String version = unh == null ? "" : unh.value(2, 5);
        return Optional.of(new MessageHeader(
                letterType.isEmpty() ? MessageHeader.UNKNOWN_TYPE : "X" + letterType,
                version.isEmpty() ? null : "X" + version,
                null, null,
                blankToNull(unb.value(5)),
                unh == null ? null : blankToNull(unh.value(1)),
                blankToNull(unb.value(2)),
                blankToNull(unb.value(3)),
                "1".equals(unb.value(9))));
    }

    /**
     * EDI-MORE-THAN-ONE-MESSAGE at the second UNH, if there is one. The EDIFACT engine translates
     * every message of an interchange, but the gateway journals, deduplicates, routes and answers
     * one letter per interchange: a second one would ride along unseen behind the first.
     */
    public Optional<Finding> secondMessage(byte[] edifact) {
        return reader.read(edifact).segments().stream().filter(s -> s.is("UNH")).skip(1).findFirst()
                .map(EdifactRule.MORE_THAN_ONE_MESSAGE::at);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
