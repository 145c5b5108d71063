package dk.region.medcom.gateway.translate;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.edifact.Segment;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * After a message is mapped: every position that holds data no mapping step read becomes an error,
 * as the data would otherwise vanish in XML (and an EDIFACT recipient would get it unchecked).
 */
final class UnreadData {

    /** Enough to show what is wrong; a message full of unknown data needs no more. */
    static final int MAX_FINDINGS_PER_MESSAGE = 20;

    private UnreadData() {
    }

    /** Reports the unread positions of {@code message}, skipping segments already refused as a whole. */
    static void report(List<Segment> message, List<Finding> findings) {
        Set<Integer> refused = findings.stream()
                .filter(f -> f.ruleId().equals(TranslationRule.UNEXPECTED_SEGMENT.ruleId) && f.location().segmentNumber() != null)
                .map(f -> f.location().segmentNumber())
                .collect(Collectors.toSet());
        int reported = 0;
        for (Segment segment : message) {
            if (refused.contains(segment.number())) {
                continue;
            }
            for (int[] position : segment.unreadPositions()) {
                if (reported++ == MAX_FINDINGS_PER_MESSAGE) {
                    return;
                }
                findings.add(TranslationRule.UNREAD_DATA.at(segment, segment.number(), segment.tag(), position[0], position[1]));
            }
        }
    }
}
