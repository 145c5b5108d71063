package dk.region.medcom.gateway.parse.edifact;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Reads one EDIFACT interchange into segments and findings. Never throws for bad input: every
 * fault becomes a {@link Finding} naming the segment, its number and byte offset. Thread-safe.
 */
public final class EdifactReader {

    private final BiPredicate<String, String> knownMessageType;
    private final SegmentTokenizer tokenizer = new SegmentTokenizer();

    /** @param knownMessageType tells whether a UNH message type (e.g. MEDDIS) and version (e.g. D9134L) are supported */
    public EdifactReader(BiPredicate<String, String> knownMessageType) {
        this.knownMessageType = knownMessageType;
    }

    public Interchange read(byte[] bytes) {
        try {
            return readChecked(bytes);
        } catch (RuntimeException e) {
            // A bug here must not reach the caller as an exception either; the message may quote data, so it is dropped.
            return new Interchange(List.of(), List.of(EdifactRule.SYNTAX.at(Location.segment(0, null, 0))));
        }
    }

    private Interchange readChecked(byte[] bytes) {
        List<Finding> findings = new ArrayList<>();
        if (bytes == null || !EdifactSniffer.looksLikeEdifact(bytes)) {
            findings.add(notEdifact(bytes));
            return new Interchange(List.of(), findings);
        }
        int start = EdifactSniffer.firstSignificantByte(bytes);
        Delimiters delimiters = Delimiters.DEFAULT;
        int afterUna = start;
        if (Delimiters.hasUna(bytes, start)) {
            delimiters = Delimiters.fromUna(bytes, start);
            if (delimiters == null) {
                findings.add(EdifactRule.UNA_INVALID.at(Location.segment(0, "UNA", start)));
                return new Interchange(List.of(), findings);
            }
            afterUna = start + Delimiters.UNA_LENGTH;
        }
        int unbStart = skipWhitespace(bytes, afterUna);
        if (!startsWithTag(bytes, unbStart, "UNB")) {
            findings.add(EdifactRule.UNB_MISSING.at(Location.segment(1, tagAt(bytes, unbStart), unbStart)));
            return new Interchange(List.of(), findings);
        }
        String syntaxCode = syntaxIdentifierCode(bytes, unbStart, delimiters);
        SyntaxIdentifier syntax = SyntaxIdentifier.of(syntaxCode);
        if (syntax == null) {
            findings.add(EdifactRule.SYNTAX_ID_UNKNOWN.at(Location.segment(1, "UNB", unbStart), printable(syntaxCode)));
            return new Interchange(List.of(), findings);
        }
        long[] segmentStarts = ByteScan.scan(bytes, afterUna, delimiters, syntax, findings);
        if (segmentStarts == null) {
            return new Interchange(List.of(), findings);
        }
        int findingsBefore = findings.size();
        List<Segment> segments = tokenizer.tokenize(bytes, start, segmentStarts, findings);
        boolean readToEnd = segments.size() == segmentStarts.length && findings.size() == findingsBefore;
        EnvelopeCheck.check(segments, knownMessageType, readToEnd, findings);
        Interchange interchange = new Interchange(segments, findings);
        if (!interchange.hasErrors() && interchange.messages().isEmpty()) {
            // every way of reading nothing must be named; the checks above did not (found by fuzzing:
            // a UNA whose delimiters left the interchange without a readable message)
            findings.add(readToEnd ? EdifactRule.NO_MESSAGE.at(Location.segment(1, "UNB", unbStart))
                    : EdifactRule.SYNTAX.at(Location.segment(segments.size(), null, unbStart)));
        }
        return interchange;
    }

    private static Finding notEdifact(byte[] bytes) {
        if (bytes != null && bytes.length >= 4 && isTag(bytes, 0) && bytes[3] == '+') {
            return EdifactRule.UNB_MISSING.at(Location.segment(1, tagAt(bytes, 0), 0));
        }
        return EdifactRule.NOT_EDIFACT.at(Location.segment(1, null, 0));
    }

    private static int skipWhitespace(byte[] bytes, int i) {
        while (i < bytes.length && (bytes[i] == '\r' || bytes[i] == '\n' || bytes[i] == ' ' || bytes[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean startsWithTag(byte[] bytes, int at, String tag) {
        return bytes.length - at >= 3 && bytes[at] == tag.charAt(0) && bytes[at + 1] == tag.charAt(1) && bytes[at + 2] == tag.charAt(2);
    }

    private static boolean isTag(byte[] bytes, int at) {
        for (int i = at; i < at + 3; i++) {
            if (!(bytes[i] >= 'A' && bytes[i] <= 'Z' || bytes[i] >= '0' && bytes[i] <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static String tagAt(byte[] bytes, int at) {
        return bytes.length - at >= 3 && isTag(bytes, at) ? new String(bytes, at, 3, StandardCharsets.US_ASCII) : null;
    }

    /** The first component of UNB's first element, read from the bytes: it decides how the rest is decoded. */
    private static String syntaxIdentifierCode(byte[] bytes, int unbStart, Delimiters d) {
        int from = unbStart + 4;
        int to = from;
        while (to < bytes.length && to - from < 8 && bytes[to] != d.component() && bytes[to] != d.element() && bytes[to] != d.terminator()) {
            to++;
        }
        return from >= bytes.length ? "" : new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** A syntax identifier is a code, but it comes from the message: show it only if it looks like one. */
    private static String printable(String code) {
        return code.matches("[A-Z0-9]{1,4}") ? code : "(unreadable)";
    }
}
