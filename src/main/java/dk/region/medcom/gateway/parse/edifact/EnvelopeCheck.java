package dk.region.medcom.gateway.parse.edifact;

import dk.region.medcom.gateway.message.Finding;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The interchange envelope rules: one complete UNB; each message framed by UNH..UNT with equal
 * references and the right segment count (MedCom's Sxx group markers count); UNZ closing the
 * interchange with UNB's reference and the message count; a known message type and version.
 */
final class EnvelopeCheck {

    private final List<Segment> segments;
    private final BiPredicate<String, String> knownMessageType;
    private final List<Finding> findings;
    private Segment openMessage;
    private int messageCount;
    private boolean reportedOutsideMessage;

    private EnvelopeCheck(List<Segment> segments, BiPredicate<String, String> knownMessageType, List<Finding> findings) {
        this.segments = segments;
        this.knownMessageType = knownMessageType;
        this.findings = findings;
    }

    /** @param readToEnd false when tokenising stopped early: then what is missing at the end is not reported again */
    static void check(List<Segment> segments, BiPredicate<String, String> knownMessageType, boolean readToEnd,
                      List<Finding> findings) {
        if (segments.isEmpty()) {
            return; // the tokeniser has already said why
        }
        new EnvelopeCheck(segments, knownMessageType, findings).run(readToEnd);
    }

    private void run(boolean readToEnd) {
        Segment unb = segments.get(0);
        checkUnb(unb);
        for (int i = 1; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            switch (segment.tag()) {
                case "UNB" -> findings.add(EdifactRule.UNB_REPEATED.at(segment));
                case "UNH" -> openMessage(segment);
                case "UNT" -> closeMessage(segment);
                case "UNZ" -> {
                    closeInterchange(unb, segment);
                    if (i + 1 < segments.size()) {
                        findings.add(EdifactRule.UNB_SECOND_INTERCHANGE.at(segments.get(i + 1)));
                    }
                    return;
                }
                default -> {
                    if (openMessage == null && !reportedOutsideMessage) {
                        reportedOutsideMessage = true;
                        findings.add(EdifactRule.UNH_MISSING.at(segment));
                    }
                }
            }
        }
        Segment last = segments.get(segments.size() - 1);
        if (!readToEnd) {
            return;
        }
        if (openMessage != null) {
            findings.add(EdifactRule.UNT_MISSING.at(openMessage, openMessage.number()));
        }
        findings.add(EdifactRule.UNZ_MISSING.at(last));
    }

    private void checkUnb(Segment unb) {
        if (!unb.is("UNB")) {
            findings.add(EdifactRule.UNB_MISSING.at(unb));
            return;
        }
        String missing = firstMissing(unb,
                1, 1, "element 1 (syntax identifier)", 1, 2, "element 1 component 2 (syntax version)",
                2, 1, "element 2 (sender)", 3, 1, "element 3 (recipient)",
                4, 1, "element 4 (date)", 4, 2, "element 4 component 2 (time)",
                5, 1, "element 5 (interchange control reference)");
        if (missing != null) {
            findings.add(EdifactRule.UNB_INCOMPLETE.at(unb, missing));
        }
    }

    private void openMessage(Segment unh) {
        if (openMessage != null) {
            findings.add(EdifactRule.UNT_MISSING.at(openMessage, openMessage.number()));
        }
        openMessage = unh;
        String missing = firstMissing(unh,
                1, 1, "element 1 (message reference)", 2, 1, "element 2 (message type)",
                2, 2, "element 2 component 2 (version)", 2, 3, "element 2 component 3 (release)",
                2, 4, "element 2 component 4 (agency)", 2, 5, "element 2 component 5 (association code)");
        if (missing != null) {
            findings.add(EdifactRule.UNH_INCOMPLETE.at(unh, missing));
        } else if (!knownMessageType.test(unh.value(2, 1), unh.value(2, 5))) {
            findings.add(EdifactRule.UNH_TYPE_UNKNOWN.at(unh, code(unh.value(2, 1)), code(unh.value(2, 5))));
        }
    }

    private void closeMessage(Segment unt) {
        if (openMessage == null) {
            if (!reportedOutsideMessage) {
                reportedOutsideMessage = true;
                findings.add(EdifactRule.UNH_MISSING.at(unt));
            }
            return;
        }
        Segment unh = openMessage;
        openMessage = null;
        messageCount++;
        String missing = firstMissing(unt, 1, 1, "element 1 (segment count)", 2, 1, "element 2 (message reference)");
        if (missing != null) {
            findings.add(EdifactRule.UNT_INCOMPLETE.at(unt, missing));
            return;
        }
        int actual = unt.number() - unh.number() + 1;
        if (!String.valueOf(actual).equals(stripZeros(unt.value(1)))) {
            findings.add(EdifactRule.UNT_COUNT.at(unt, count(unt.value(1)), actual));
        }
        if (!unh.value(1).isEmpty() && !unh.value(1).equals(unt.value(2))) {
            findings.add(EdifactRule.UNT_REF.at(unt, unh.number()));
        }
    }

    private void closeInterchange(Segment unb, Segment unz) {
        if (openMessage != null) {
            findings.add(EdifactRule.UNT_MISSING.at(openMessage, openMessage.number()));
            openMessage = null;
        }
        String missing = firstMissing(unz, 1, 1, "element 1 (message count)", 2, 1, "element 2 (interchange reference)");
        if (missing != null || unz.components(1).size() > 1) {
            findings.add(EdifactRule.UNZ_INCOMPLETE.at(unz, missing != null ? missing : "a simple element 1 (message count)"));
            return;
        }
        if (!String.valueOf(messageCount).equals(stripZeros(unz.value(1)))) {
            findings.add(EdifactRule.UNZ_COUNT.at(unz, count(unz.value(1)), messageCount));
        }
        if (unb.is("UNB") && !unb.value(5).isEmpty() && !unb.value(5).equals(unz.value(2))) {
            findings.add(EdifactRule.UNZ_REF.at(unz));
        }
        if (messageCount == 0 && !reportedOutsideMessage) {
            findings.add(EdifactRule.NO_MESSAGE.at(unz));
        }
    }

    /** Arguments come in threes: element, component, description. Returns the first absent one's description. */
    private static String firstMissing(Segment segment, Object... triples) {
        for (int i = 0; i < triples.length; i += 3) {
            if (segment.value((Integer) triples[i], (Integer) triples[i + 1]).isEmpty()) {
                return (String) triples[i + 2];
            }
        }
        return null;
    }

    private static String stripZeros(String number) {
        int i = 0;
        while (i < number.length() - 1 && number.charAt(i) == '0') {
            i++;
        }
        return number.substring(i);
    }

    /** Codes are shown in findings only when they look like codes (a letter first: never a CPR number). */
    private static String code(String value) {
        return value.matches("[A-Z][A-Z0-9]{0,7}") ? value : "(invalid)";
    }

    private static String count(String value) {
        return value.matches("\\d{1,6}") ? value : "(invalid)";
    }
}
