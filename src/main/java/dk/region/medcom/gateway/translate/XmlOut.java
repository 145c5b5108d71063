package dk.region.medcom.gateway.translate;

import java.util.Arrays;

/**
 * A small streaming XML writer for MedCom output: one default namespace, no attributes, encoded
 * straight to UTF-8 bytes. Faster than a general StAX writer for this shape of document (it is on
 * the hot path of every EDIFACT message), and it cannot produce unescaped text.
 */
final class XmlOut {

    private byte[] buffer = new byte[4096];
    private int length;

    XmlOut() {
        ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    XmlOut rootStart(String name, String namespace) {
        ascii("<").ascii(name).ascii(" xmlns=\"");
        escape(namespace);
        return ascii("\">");
    }

    XmlOut start(String name) {
        return ascii("<").ascii(name).ascii(">");
    }

    XmlOut end(String name) {
        return ascii("</").ascii(name).ascii(">");
    }

    XmlOut empty(String name) {
        return ascii("<").ascii(name).ascii("/>");
    }

    /** {@code <name>text</name>}, or nothing when text is null or empty (MedCom omits empty optional elements). */
    XmlOut element(String name, String text) {
        if (text != null && !text.isEmpty()) {
            start(name);
            escape(text);
            end(name);
        }
        return this;
    }

    XmlOut text(String text) {
        escape(text);
        return this;
    }

    byte[] toBytes() {
        return Arrays.copyOf(buffer, length);
    }

    /** For element names and markup, which are ASCII. */
    private XmlOut ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    private void escape(String text) {
        ensure(text.length() * 3 + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> ascii("&lt;");
                case '>' -> ascii("&gt;");
                case '&' -> ascii("&amp;");
                case '"' -> ascii("&quot;");
                case '\r' -> ascii("&#13;");
                default -> utf8(text, i, c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                i++; // the pair was written as one code point
            }
        }
    }

    private void utf8(String text, int index, char c) {
        ensure(4);
        if (c < 0x80) {
            buffer[length++] = (byte) c;
        } else if (c < 0x800) {
            buffer[length++] = (byte) (0xC0 | c >> 6);
            buffer[length++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c) && index + 1 < text.length()) {
            int codePoint = Character.toCodePoint(c, text.charAt(index + 1));
            buffer[length++] = (byte) (0xF0 | codePoint >> 18);
            buffer[length++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
            buffer[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            buffer[length++] = (byte) (0x80 | codePoint & 0x3F);
        } else {
            buffer[length++] = (byte) (0xE0 | c >> 12);
            buffer[length++] = (byte) (0x80 | c >> 6 & 0x3F);
            buffer[length++] = (byte) (0x80 | c & 0x3F);
        }
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
