package dk.region.medcom.gateway.translate;

import java.util.ArrayList;
import java.util.List;

/**
 * MedCom's free-text rules on the EDIFACT side. Each FTX text component is a line followed by a
 * break; a trailing {@code \} is a soft wrap (dropped, joined with the next line, no break); a
 * lone {@code .} is an empty line. Lines are written at most 70 characters long, wrapped at a word
 * boundary with a {@code \}.
 */
final class FreeTextEdifact {

    static final int LINE_LENGTH = 70;
    static final int LINES_PER_FTX = 5;

    private FreeTextEdifact() {
    }

    /** Appends one FTX segment's text components to {@code runs}, merging with the last run of the same format. */
    static void appendLines(String format, List<String> components, List<TextRun> runs) {
        StringBuilder text = new StringBuilder();
        for (String line : components) {
            if (line.equals(".") || line.isEmpty()) {
                text.append('\n');
            } else if (line.endsWith("\\")) {
                text.append(line, 0, line.length() - 1);
            } else {
                text.append(line).append('\n');
            }
        }
        int last = runs.size() - 1;
        if (last >= 0 && runs.get(last).format().equals(format)) {
            runs.set(last, new TextRun(format, runs.get(last).text() + text));
        } else {
            runs.add(new TextRun(format, text.toString()));
        }
    }

    /** The FTX text components for a text, every line wrapped to at most 70 characters. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            boolean broken = newline >= 0;
            String line = broken ? text.substring(start, newline) : text.substring(start);
            wrap(line, broken, lines);
            start = broken ? newline + 1 : text.length();
        }
        return lines;
    }

    private static void wrap(String line, boolean endsWithBreak, List<String> out) {
        if (line.isEmpty()) {
            out.add(endsWithBreak ? "." : "\\");
            return;
        }
        String rest = line;
        // room for the wrap marker on every piece but a last piece that ends with a break
        while (rest.length() > (endsWithBreak ? LINE_LENGTH : LINE_LENGTH - 1)) {
            int cut = rest.lastIndexOf(' ', LINE_LENGTH - 2) + 1;
            if (cut <= 0) {
                cut = LINE_LENGTH - 1;
            }
            out.add(rest.substring(0, cut) + "\\");
            rest = rest.substring(cut);
        }
        out.add(endsWithBreak ? rest : rest + "\\");
    }

    /**
     * Hard-wraps a value without line breaks (a reference URL) into text components: every piece
     * but the last is 69 characters plus the soft-wrap {@code \}. A last piece that would be a
     * lone {@code .} (MedCom's empty line) takes one more character from the piece before it.
     */
    static List<String> wrapUnbroken(String value) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (value.length() - start > LINE_LENGTH) {
            int end = start + LINE_LENGTH - 1;
            if (value.length() - end == 1 && value.charAt(end) == '.') {
                end--;
            }
            pieces.add(value.substring(start, end) + "\\");
            start = end;
        }
        pieces.add(value.substring(start));
        return pieces;
    }

    /** Joins text components back into one value, as MedCom's converter does for a URL: soft-wraps dropped, no breaks. */
    static String joinUnbroken(List<String> components) {
        StringBuilder value = new StringBuilder();
        for (String line : components) {
            if (line.equals(".")) {
                continue;
            }
            value.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line);
        }
        return value.toString();
    }

    /** Splits lines into the text elements of successive FTX segments, at most five lines each. */
    static List<String[]> segments(List<String> lines) {
        List<String[]> chunks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += LINES_PER_FTX) {
            chunks.add(lines.subList(i, Math.min(lines.size(), i + LINES_PER_FTX)).toArray(String[]::new));
        }
        return chunks;
    }
}
