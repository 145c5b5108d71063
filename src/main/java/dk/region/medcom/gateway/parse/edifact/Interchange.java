package dk.region.medcom.gateway.parse.edifact;

import dk.region.medcom.gateway.message.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * What the reader made of one EDIFACT file: all segments from UNB to UNZ (UNA excluded) and every
 * finding. Segments are present even when findings are errors, as far as they could be read.
 */
public record Interchange(List<Segment> segments, List<Finding> findings) {

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    /** The messages: each list runs from UNH to UNT inclusive. Only meaningful without envelope errors. */
    public List<List<Segment>> messages() {
        List<List<Segment>> messages = new ArrayList<>();
        List<Segment> current = null;
        for (Segment segment : segments) {
            if (segment.is("UNH")) {
                current = new ArrayList<>();
            }
            if (current != null) {
                current.add(segment);
            }
            if (segment.is("UNT") && current != null) {
                messages.add(current);
                current = null;
            }
        }
        return messages;
    }

    /** The UNB segment, or null when there is none. */
    public Segment header() {
        return segments.isEmpty() || !segments.get(0).is("UNB") ? null : segments.get(0);
    }
}
