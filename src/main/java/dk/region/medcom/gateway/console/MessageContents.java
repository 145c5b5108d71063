package dk.region.medcom.gateway.console;

import dk.region.medcom.gateway.journal.BodyKind;
import dk.region.medcom.gateway.journal.JournalEntry;
import dk.region.medcom.gateway.parse.edifact.EdifactSniffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's forms as the console shows them, one numbered line per XML line or EDIFACT segment,
 * each finding marked at its place: {@code segment N} in the EDIFACT form, {@code line N} in the
 * XML form that was validated (the original when it came as XML, else the XML form made at parse).
 */
final class MessageContents {

    /** Text shown per form; beyond it the page says how much is left out. */
    static final int MAX_SHOWN_CHARS = 256 * 1024;
    /** The stages whose journal events list findings (the others note receipts, deliveries, actions). */
    private static final java.util.Set<String> FINDING_STAGES =
            java.util.Set.of("parse", "validate", "dedupe", "route", "translate", "reject");
    private static final Pattern SEGMENT = Pattern.compile("\\bsegment (\\d+)");
    private static final Pattern LINE = Pattern.compile("\\bline (\\d+)");
    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    /** One line or segment; {@code findings} empty when nothing was found there. */
    record Line(int number, String text, List<String> findings) {
        public boolean marked() {
            return !findings.isEmpty();
        }
    }

    /** One form of the message: {@code unit} "segment" or "line"; {@code leftOut} characters not shown. */
    record Form(BodyKind kind, String unit, long bytes, List<Line> lines, long leftOut) {
        public String anchor(int number) {
            return kind.name().toLowerCase() + "-" + number;
        }
    }

    /** A finding and where it is shown (null when it names no place in a shown form). */
    record Placed(String finding, String anchor) {
    }

    private MessageContents() {
    }

    /** The forms kept for {@code entry}, in the order original, XML form, delivered. */
    static List<Form> forms(JournalEntry entry, Map<BodyKind, byte[]> bodies) {
        Map<Integer, List<String>> bySegment = new TreeMap<>();
        Map<Integer, List<String>> byLine = new TreeMap<>();
        for (String finding : findings(entry)) {
            place(SEGMENT, finding, bySegment);
            place(LINE, finding, byLine);
        }
        boolean edifactOriginal = bodies.containsKey(BodyKind.ORIGINAL) && EdifactSniffer.looksLikeEdifact(bodies.get(BodyKind.ORIGINAL));
        BodyKind validated = edifactOriginal ? BodyKind.XML : BodyKind.ORIGINAL;
        List<Form> forms = new ArrayList<>();
        for (BodyKind kind : BodyKind.values()) {
            byte[] body = bodies.get(kind);
            if (body == null) {
                continue;
            }
            boolean edifact = EdifactSniffer.looksLikeEdifact(body);
            Map<Integer, List<String>> marks = edifact && kind == BodyKind.ORIGINAL ? bySegment
                    : !edifact && kind == validated ? byLine : Map.of();
            forms.add(edifact ? edifact(kind, body, marks) : xml(kind, body, marks));
        }
        return forms;
    }

    /** Every finding of the message's history, each with the anchor of its place if it is shown. */
    static List<Placed> placed(JournalEntry entry, List<Form> forms) {
        List<Placed> placed = new ArrayList<>();
        for (String finding : findings(entry)) {
            String anchor = null;
            for (Form form : forms) {
                for (Line line : form.lines()) {
                    if (line.findings().contains(finding)) {
                        anchor = form.anchor(line.number());
                        break;
                    }
                }
                if (anchor != null) {
                    break;
                }
            }
            placed.add(new Placed(finding, anchor));
        }
        return placed;
    }

    private static List<String> findings(JournalEntry entry) {
        List<String> all = new ArrayList<>();
        for (JournalEntry.Event event : entry.history()) {
            if (event.detail() != null && FINDING_STAGES.contains(event.stage())) {
                for (String line : event.detail().split("\n")) {
                    if (!line.isBlank() && !all.contains(line)) {
                        all.add(line);
                    }
                }
            }
        }
        return all;
    }

    private static void place(Pattern where, String finding, Map<Integer, List<String>> marks) {
        Matcher matcher = where.matcher(finding);
        if (matcher.find()) {
            try {
                marks.computeIfAbsent(Integer.parseInt(matcher.group(1)), n -> new ArrayList<>()).add(finding);
            } catch (NumberFormatException e) {
                // a number too large to be a place: the finding is listed, not placed
            }
        }
    }

    private static Form xml(BodyKind kind, byte[] body, Map<Integer, List<String>> marks) {
        String text = new String(body, xmlCharset(body));
        List<Line> lines = new ArrayList<>();
        int shown = 0;
        int number = 0;
        for (String line : text.split("\r\n|\n|\r", -1)) {
            if (shown > MAX_SHOWN_CHARS) {
                break;
            }
            number++;
            lines.add(new Line(number, line, marks.getOrDefault(number, List.of())));
            shown += line.length() + 1;
        }
        return new Form(kind, "line", body.length, lines, Math.max(0, text.length() - shown));
    }

    /** One segment per line: split at the segment terminator outside release characters (UNA may name other ones). */
    private static Form edifact(BodyKind kind, byte[] body, Map<Integer, List<String>> marks) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        char release = '?';
        char terminator = '\'';
        int start = 0;
        List<Line> lines = new ArrayList<>();
        if (text.startsWith("UNA") && text.length() >= 9) {
            release = text.charAt(6);
            terminator = text.charAt(8);
            lines.add(new Line(0, text.substring(0, 9), List.of()));
            start = 9;
        }
        StringBuilder segment = new StringBuilder();
        int number = 0;
        int shown = 0;
        int i = start;
        for (; i < text.length() && shown <= MAX_SHOWN_CHARS; i++) {
            char c = text.charAt(i);
            if (c == release && i + 1 < text.length()) {
                segment.append(c).append(text.charAt(++i));
            } else if (c == terminator) {
                number++;
                String shownSegment = segment.toString().strip() + terminator;
                lines.add(new Line(number, shownSegment, marks.getOrDefault(number, List.of())));
                shown += shownSegment.length();
                segment.setLength(0);
            } else {
                segment.append(c);
            }
        }
        if (!segment.toString().isBlank() && shown <= MAX_SHOWN_CHARS) {
            number++;
            lines.add(new Line(number, segment.toString().strip(), marks.getOrDefault(number, List.of())));
        }
        return new Form(kind, "segment", body.length, lines, Math.max(0, text.length() - i));
    }

    /** The declared encoding (MedCom XML is UTF-8 or ISO-8859-1), UTF-8 when none or unknown. */
    private static Charset xmlCharset(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
        Matcher declared = ENCODING.matcher(head);
        if (head.startsWith("<?xml") && declared.find()) {
            try {
                return Charset.forName(declared.group(1));
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }
}
