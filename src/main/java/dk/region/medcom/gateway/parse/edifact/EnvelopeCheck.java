package dk.region.medcom.gateway.parse.edifact;

import dk.region.medcom.gateway.message.JournalLimits;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Phrase;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The interchange envelope rules: one complete UNB; each message framed by UNH..UNT with equal
 * references and the right segment count (MedCom's Sxx group markers count); UNZ closing the
 * interchange with UNB's reference and the message count; a known message type and version; no identifier longer than the journal keeps ({@link JournalLimits}).
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
        Phrase missing = firstMissing(unb,
                1, 1, new Phrase("element 1 (syntax identifier)", "element 1 (syntaks-id)"), 1, 2, new Phrase("element 1 component 2 (syntax version)", "element 1 komponent 2 (syntaksversion)"),
                2, 1, new Phrase("element 2 (sender)", "element 2 (afsender)"), 3, 1, new Phrase("element 3 (recipient)", "element 3 (modtager)"),
                4, 1, new Phrase("element 4 (date)", "element 4 (dato)"), 4, 2, new Phrase("element 4 component 2 (time)", "element 4 komponent 2 (tid)"),
                5, 1, new Phrase("element 5 (interchange control reference)", "element 5 (forsendelsens kontrolreference)"));
        if (missing != null) {
            findings.add(EdifactRule.UNB_INCOMPLETE.at(unb, missing));
        }
        checkLength(unb, 2, 1, JournalLimits.Field.SENDER, new Phrase("UNB element 2 (sender)", "UNB element 2 (afsender)"));
        checkLength(unb, 3, 1, JournalLimits.Field.RECEIVER, new Phrase("UNB element 3 (recipient)", "UNB element 3 (modtager)"));
        checkLength(unb, 5, 1, JournalLimits.Field.ENVELOPE_ID,
                new Phrase("UNB element 5 (interchange control reference)", "UNB element 5 (forsendelsens kontrolreference)"));
    }

    /** The journal keeps the value (in its XML form: the type and version with an X before them). */
    private void checkLength(Segment segment, int element, int component, JournalLimits.Field field, Phrase what) {
        int length = segment.value(element, component).length();
        int limit = field == JournalLimits.Field.MESSAGE_TYPE || field == JournalLimits.Field.VERSION_CODE
                ? field.limit - 1 : field.limit;
        if (length > limit) {
            findings.add(EdifactRule.VALUE_TOO_LONG.at(segment, what, length, limit));
        }
    }

    private void openMessage(Segment unh) {
        if (openMessage != null) {
            findings.add(EdifactRule.UNT_MISSING.at(openMessage, openMessage.number()));
        }
        openMessage = unh;
        checkLength(unh, 1, 1, JournalLimits.Field.LETTER_ID,
                new Phrase("UNH element 1 (message reference)", "UNH element 1 (brevreference)"));
        checkLength(unh, 2, 5, JournalLimits.Field.VERSION_CODE,
                new Phrase("UNH element 2 component 5 (association code)", "UNH element 2 komponent 5 (versionskode)"));
        checkLength(unh, 3, 1, JournalLimits.Field.MESSAGE_TYPE,
                new Phrase("UNH element 3 (letter type)", "UNH element 3 (brevtype)"));
        Phrase missing = firstMissing(unh,
                1, 1, new Phrase("element 1 (message reference)", "element 1 (brevreference)"), 2, 1, new Phrase("element 2 (message type)", "element 2 (brevtype)"),
                2, 2, new Phrase("element 2 component 2 (version)", "element 2 komponent 2 (version)"), 2, 3, new Phrase("element 2 component 3 (release)", "element 2 komponent 3 (udgave)"),
                2, 4, new Phrase("element 2 component 4 (agency)", "element 2 komponent 4 (ansvarlig organisation)"), 2, 5, new Phrase("element 2 component 5 (association code)", "element 2 komponent 5 (versionskode)"));
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
        Phrase missing = firstMissing(unt, 1, 1, new Phrase("element 1 (segment count)", "element 1 (antal segmenter)"), 2, 1, new Phrase("element 2 (message reference)", "element 2 (brevreference)"));
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
        Phrase missing = firstMissing(unz, 1, 1, new Phrase("element 1 (message count)", "element 1 (antal breve)"), 2, 1, new Phrase("element 2 (interchange reference)", "element 2 (forsendelsesreference)"));
        if (missing != null || unz.components(1).size() > 1) {
            findings.add(EdifactRule.UNZ_INCOMPLETE.at(unz, missing != null ? missing : new Phrase("a simple element 1 (message count)", "et simpelt element 1 (antal breve)")));
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
    private static Phrase firstMissing(Segment segment, Object... triples) {
        for (int i = 0; i < triples.length; i += 3) {
            if (segment.value((Integer) triples[i], (Integer) triples[i + 1]).isEmpty()) {
                return (Phrase) triples[i + 2];
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
