package dk.region.medcom.gateway.journal.actions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives a stored original a new envelope identifier, as MedCom requires of a manual resend: the
 * Envelope's Identifier in XML, the interchange control reference in UNB (and UNZ) in EDIFACT.
 * Works on the bytes read as ISO-8859-1 (one char per byte), so nothing else in the message changes.
 */
public final class EnvelopeRewriter {

    private static final Pattern XML_ENVELOPE_ID = Pattern.compile(
            "(<(?:[\\w.-]+:)?Envelope[\\s>].*?<(?:[\\w.-]+:)?Identifier>)[^<]*(<)", Pattern.DOTALL);

    private EnvelopeRewriter() {
    }

    /** Empty when the message has no envelope identifier to rewrite. */
    public static Optional<byte[]> withEnvelopeId(byte[] original, String envelopeId) {
        String text = new String(original, StandardCharsets.ISO_8859_1);
        String stripped = text.stripLeading();
        Optional<String> rewritten = stripped.startsWith("UNA") || stripped.startsWith("UNB")
                ? edifact(text, envelopeId) : xml(text, envelopeId);
        return rewritten.map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Optional<String> xml(String text, String envelopeId) {
        Matcher m = XML_ENVELOPE_ID.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(text.substring(0, m.start()) + m.group(1) + envelopeId + m.group(2) + text.substring(m.end()));
    }

    private static Optional<String> edifact(String text, String reference) {
        Delimiters d = Delimiters.of(text);
        String withUnb = replaceElement(text, "UNB", 5, reference, d);
        if (withUnb == null) {
            return Optional.empty();
        }
        // UNZ follows only when it matched UNB: a broken interchange is resent as broken, not repaired
        String unbReference = elementOf(text, "UNB", 5, d);
        String unzReference = elementOf(text, "UNZ", 2, d);
        String withUnz = unbReference != null && unbReference.equals(unzReference)
                ? replaceElement(withUnb, "UNZ", 2, reference, d) : null;
        return Optional.of(withUnz == null ? withUnb : withUnz);
    }

    /** Data element {@code index} (0 is the tag) of the first segment with {@code tag}, or null. */
    private static String elementOf(String text, String tag, int index, Delimiters d) {
        int start = segmentStart(text, tag, d);
        if (start < 0) {
            return null;
        }
        int end = unescapedIndexOf(text, d.segment(), start, d);
        List<String> elements = split(text.substring(start, end < 0 ? text.length() : end), d.element(), d);
        return elements.size() > index ? elements.get(index) : null;
    }

    /** Replaces data element {@code index} (0 is the tag) of the first segment with {@code tag}. */
    private static String replaceElement(String text, String tag, int index, String value, Delimiters d) {
        int start = segmentStart(text, tag, d);
        if (start < 0) {
            return null;
        }
        int end = unescapedIndexOf(text, d.segment(), start, d);
        if (end < 0) {
            end = text.length();
        }
        List<String> elements = split(text.substring(start, end), d.element(), d);
        if (elements.size() <= index) {
            return null;
        }
        elements.set(index, value);
        return text.substring(0, start) + String.join(String.valueOf(d.element()), elements) + text.substring(end);
    }

    private static int segmentStart(String text, String tag, Delimiters d) {
        int from = 0;
        while (true) {
            int i = text.indexOf(tag + d.element(), from);
            if (i < 0) {
                return -1;
            }
            // a segment starts at the beginning or right after a segment terminator (and optional line break)
            int before = i - 1;
            while (before >= 0 && (text.charAt(before) == '\n' || text.charAt(before) == '\r')) {
                before--;
            }
            if (before < 0 || text.charAt(before) == d.segment()) {
                return i;
            }
            from = i + 1;
        }
    }

    private static int unescapedIndexOf(String text, char c, int from, Delimiters d) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == d.release()) {
                i++;
            } else if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> split(String segment, char separator, Delimiters d) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < segment.length(); i++) {
            if (segment.charAt(i) == d.release()) {
                i++;
            } else if (segment.charAt(i) == separator) {
                parts.add(segment.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(segment.substring(start));
        return parts;
    }

    private record Delimiters(char element, char release, char segment) {

        static Delimiters of(String text) {
            String t = text.stripLeading();
            if (t.startsWith("UNA") && t.length() >= 9) {
                return new Delimiters(t.charAt(4), t.charAt(6), t.charAt(8));
            }
            return new Delimiters('+', '?', '\'');
        }
    }
}
