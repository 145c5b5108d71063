package dk.region.medcom.gateway.translate;

import java.nio.charset.StandardCharsets;

/**
 * A small streaming XML writer for MedCom output: one default namespace, no attributes, UTF-8.
 * Faster than a general StAX writer for this shape of document, and it cannot produce
 * unescaped text.
 */
final class XmlOut {

    private final StringBuilder sb = new StringBuilder(4096);

    XmlOut() {
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    XmlOut rootStart(String name, String namespace) {
        sb.append('<').append(name).append(" xmlns=\"");
        escape(namespace);
        sb.append("\">");
        return this;
    }

    XmlOut start(String name) {
        sb.append('<').append(name).append('>');
        return this;
    }

    XmlOut end(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    XmlOut empty(String name) {
        sb.append('<').append(name).append("/>");
        return this;
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
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
    }
}
