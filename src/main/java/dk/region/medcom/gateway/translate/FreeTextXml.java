package dk.region.medcom.gateway.translate;

import java.util.List;

/**
 * MedCom's free-text rules on the XML side: text with {@code <Break/>} for line ends, and the
 * markup elements (Bold, Italic, Underline, Right, Center, FixedFont) that the FTX format code
 * stands for, as listed in {@code mapping/text-formats.csv}.
 */
final class FreeTextXml {

    private final CodeList textFormats;

    FreeTextXml(CodeList textFormats) {
        this.textFormats = textFormats;
    }

    /** Writes runs as mixed content; returns false when some format code was unknown (written as FixedFont). */
    boolean write(List<TextRun> runs, XmlOut out) {
        boolean allKnown = true;
        for (TextRun run : runs) {
            String markup = textFormats.toXml(run.format());
            if (markup == null) {
                allKnown = false;
                markup = "FixedFont";
            }
            String[] wrappers = markup.isEmpty() ? new String[0] : markup.split("/");
            for (String wrapper : wrappers) {
                out.start(wrapper);
            }
            writeLines(run.text(), out);
            for (int i = wrappers.length - 1; i >= 0; i--) {
                out.end(wrappers[i]);
            }
        }
        return allKnown;
    }

    static void writeLines(String text, XmlOut out) {
        int start = 0;
        int newline;
        while ((newline = text.indexOf('\n', start)) >= 0) {
            if (newline > start) {
                out.text(text.substring(start, newline));
            }
            out.empty("Break");
            start = newline + 1;
        }
        if (start < text.length()) {
            out.text(text.substring(start));
        }
    }

    /**
     * Reads mixed content back into runs. Returns null when markup nests in a way no format code
     * expresses. Line ends inside text nodes are layout, not breaks, and become spaces.
     */
    List<TextRun> read(XmlElement element) {
        List<TextRun> runs = new java.util.ArrayList<>();
        return collect(element, "", runs) ? runs : null;
    }

    private boolean collect(XmlElement element, String markup, List<TextRun> runs) {
        for (Object item : element.content) {
            if (item instanceof String text) {
                append(markup, text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' '), runs);
            } else {
                XmlElement child = (XmlElement) item;
                switch (child.name()) {
                    case "Break" -> append(markup, "\n", runs);
                    case "Space" -> append(markup, " ", runs);
                    default -> {
                        String nested = markup.isEmpty() ? child.name() : markup + "/" + child.name();
                        if (textFormats.toEdifact(nested) == null || !collect(child, nested, runs)) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    private void append(String markup, String text, List<TextRun> runs) {
        String format = textFormats.toEdifact(markup);
        int last = runs.size() - 1;
        if (last >= 0 && runs.get(last).format().equals(format)) {
            runs.set(last, new TextRun(format, runs.get(last).text() + text));
        } else {
            runs.add(new TextRun(format, text));
        }
    }

    /** Plain text with breaks, for BreakableText elements such as RefuseText. */
    static String plain(List<TextRun> runs) {
        StringBuilder sb = new StringBuilder();
        runs.forEach(r -> sb.append(r.text()));
        return sb.toString();
    }
}
