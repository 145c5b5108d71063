package dk.region.medcom.gateway.parse.edifact;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import java.util.List;

/**
 * One cheap pass over the raw bytes, before tokenising: finds where each segment starts (UNB = 1)
 * and checks what the tokeniser forgives: bytes outside the declared repertoire and release
 * characters in front of ordinary characters. Reports at most one finding per rule per segment.
 */
final class ByteScan {

    private static final int MAX_FINDINGS = 20;

    private final byte[] bytes;
    private final Delimiters delimiters;
    private final SyntaxIdentifier syntax;
    private final List<Finding> findings;
    private long[] segmentStarts = new long[64];
    private int segmentCount;
    private boolean tooLong;

    private ByteScan(byte[] bytes, Delimiters delimiters, SyntaxIdentifier syntax, List<Finding> findings) {
        this.bytes = bytes;
        this.delimiters = delimiters;
        this.syntax = syntax;
        this.findings = findings;
    }

    /**
     * Scans from {@code start} (the first byte after UNA, if any) and returns the start offset of
     * every segment, or null when a component is too long to be worth tokenising.
     */
    static long[] scan(byte[] bytes, int start, Delimiters delimiters, SyntaxIdentifier syntax, List<Finding> findings) {
        ByteScan scan = new ByteScan(bytes, delimiters, syntax, findings);
        scan.run(start);
        return scan.tooLong ? null : java.util.Arrays.copyOf(scan.segmentStarts, scan.segmentCount);
    }

    private void run(int start) {
        boolean atSegmentStart = true;
        int charsetReportedFor = -1;
        int releaseReportedFor = -1;
        int lengthReportedFor = -1;
        int element = 0;
        int componentLength = 0;
        boolean utf8Warned = false;
        for (int i = start; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (atSegmentStart) {
                if (b == '\r' || b == '\n' || b == ' ' || b == '\t') {
                    continue;
                }
                addSegmentStart(i);
                atSegmentStart = false;
                element = 0;
                componentLength = 0;
            }
            if (!syntax.allows(b) && charsetReportedFor != segmentCount) {
                charsetReportedFor = segmentCount;
                report(EdifactRule.CHARSET.at(here(i), Integer.toHexString(b).toUpperCase(), syntax.name()));
            }
            if (!utf8Warned && syntax == SyntaxIdentifier.UNOC && (b == 0xC3 || b == 0xC2) && i + 1 < bytes.length
                    && (bytes[i + 1] & 0xC0) == 0x80) {
                utf8Warned = true;
                report(EdifactRule.LOOKS_LIKE_UTF8.at(here(i), syntax.name()));
            }
            if (b == (delimiters.release() & 0xFF)) {
                if (i + 1 < bytes.length && !delimiters.needsRelease(bytes[i + 1]) && releaseReportedFor != segmentCount) {
                    releaseReportedFor = segmentCount;
                    report(EdifactRule.RELEASE.at(here(i)));
                }
                i++;
                componentLength++;
            } else if (b == (delimiters.terminator() & 0xFF)) {
                atSegmentStart = true;
            } else if (b == (delimiters.element() & 0xFF)) {
                element++;
                componentLength = 0;
            } else if (b == (delimiters.component() & 0xFF)) {
                componentLength = 0;
            } else if (++componentLength > SegmentTokenizer.MAX_COMPONENT_LENGTH && lengthReportedFor != segmentCount) {
                lengthReportedFor = segmentCount;
                tooLong = true;
                report(EdifactRule.TOO_LONG.at(here((int) segmentStarts[segmentCount - 1]), element, componentLength(i), SegmentTokenizer.MAX_COMPONENT_LENGTH));
            }
        }
    }

    /** Length of the component that runs through {@code from}, counting release characters as data. */
    private int componentLength(int from) {
        int start = from;
        while (start > 0 && !isDelimiter(start - 1)) {
            start--;
        }
        int end = from;
        while (end < bytes.length && !isDelimiter(end)) {
            end++;
        }
        return end - start;
    }

    private boolean isDelimiter(int i) {
        byte b = bytes[i];
        boolean released = i > 0 && bytes[i - 1] == delimiters.release();
        return !released && (b == delimiters.component() || b == delimiters.element() || b == delimiters.terminator());
    }

    private void addSegmentStart(long offset) {
        if (segmentCount == segmentStarts.length) {
            segmentStarts = java.util.Arrays.copyOf(segmentStarts, segmentCount * 2);
        }
        segmentStarts[segmentCount++] = offset;
    }

    private Location here(int offset) {
        int start = (int) segmentStarts[segmentCount - 1];
        String tag = start + 3 <= bytes.length ? new String(bytes, start, 3, java.nio.charset.StandardCharsets.ISO_8859_1) : "?";
        return Location.segment(segmentCount, tag.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') ? tag : "?", offset);
    }

    private void report(Finding finding) {
        if (findings.size() < MAX_FINDINGS) {
            findings.add(finding);
        }
    }
}
