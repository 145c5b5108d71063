package dk.region.medcom.gateway.parse.xml;

import dk.region.medcom.gateway.message.Location;

/**
 * Looks for a DOCTYPE in the prolog (before the root element) so the refusal can name the cause
 * in any locale; the parser's own disallow-doctype feature remains the real guard.
 */
final class Prolog {

    private Prolog() {
    }

    static boolean declaresDoctype(String text) {
        return doctypeStart(text) >= 0;
    }

    static Location doctypeLocation(String text) {
        return positionOf(text, doctypeStart(text));
    }

    /** Line and column (both from 1) of a character offset in decoded text. */
    static Location positionOf(CharSequence text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return Location.xml(line, column, null);
    }

    private static int doctypeStart(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF') {
                i++;
            } else if (text.startsWith("<?", i)) {
                i = skipPast(text, i, "?>");
            } else if (text.startsWith("<!--", i)) {
                i = skipPast(text, i, "-->");
            } else {
                return text.startsWith("<!DOCTYPE", i) ? i : -1;
            }
        }
        return -1;
    }

    private static int skipPast(String text, int from, String end) {
        int at = text.indexOf(end, from);
        return at < 0 ? text.length() : at + end.length();
    }
}
