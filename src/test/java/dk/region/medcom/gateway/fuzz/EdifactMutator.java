package dk.region.medcom.gateway.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Structure-aware mutations of an EDIFACT interchange: its service string advice (UNA) and
 * delimiters, release characters, segments repeated, dropped, swapped or truncated, elements with
 * huge counts, long or non-Latin-1 values, and the syntax identifier. Works on the bytes read as
 * ISO-8859-1, which maps every byte to one char and back.
 */
final class EdifactMutator extends Mutator {

    private static final String DELIMITER_CANDIDATES = "+:'?*\\.,|~^ \n\r\u0000\u00ff";
    private static final List<String> SYNTAX_IDS = List.of("UNOA", "UNOB", "UNOC", "UNOY", "UNOW", "UNOX", "UNOD",
            "IATB", "", "UNOC:9", "UNOC:3:9:9", "X".repeat(300));

    EdifactMutator(Random random) {
        super(random);
    }

    @Override
    byte[] mutateStructure(byte[] input, byte[] donor) {
        Interchange edi = Interchange.read(latin1(input));
        if (edi.segments.isEmpty()) {
            return mutateBytes(input, donor);
        }
        int i = random.nextInt(edi.segments.size());
        switch (random.nextInt(16)) {
            case 0 -> edi.una = withChar(edi.una == null ? "UNA:+.? '" : edi.una, 3 + random.nextInt(6), delimiter());
            case 1 -> edi.una = edi.una == null ? "UNA" + randomDelimiters() : null; // add or drop the UNA
            case 2 -> edi.redelimit(randomDelimiters()); // the same interchange under other delimiters
            case 3 -> edi.segments.set(i, insertAt(edi.segments.get(i), String.valueOf(edi.release))); // stray release
            case 4 -> edi.segments.set(i, edi.segments.get(i) + edi.release); // release before the terminator
            case 5 -> { // one segment repeated, a few or very many times
                int times = count();
                for (int n = 0; n < times; n++) {
                    edi.segments.add(i, edi.segments.get(i));
                }
            }
            case 6 -> edi.segments.remove(i);
            case 7 -> {
                int j = random.nextInt(edi.segments.size());
                String s = edi.segments.get(i);
                edi.segments.set(i, edi.segments.get(j));
                edi.segments.set(j, s);
            }
            case 8 -> edi.segments.set(i, replaceElement(edi, edi.segments.get(i), hugeCount()));
            case 9 -> edi.segments.set(i, replaceElement(edi, edi.segments.get(i), nastyValue()));
            case 10 -> edi.segments.set(i, replaceElement(edi, edi.segments.get(i),
                    String.valueOf(random.nextBoolean() ? 'Ø' : 'x').repeat(longLength())));
            case 11 -> { // non-Latin-1 text as UTF-8 bytes, or C1 controls and invalid UTF-8
                String raw = random.nextBoolean()
                        ? latin1(nastyValue().getBytes(StandardCharsets.UTF_8)) : latin1(randomBytes(1 + random.nextInt(8)));
                edi.segments.set(i, insertAt(edi.segments.get(i), raw));
            }
            case 12 -> { // many elements or components
                String sep = String.valueOf(random.nextBoolean() ? edi.element : edi.component);
                edi.segments.set(i, edi.segments.get(i) + sep.repeat(count()));
            }
            case 13 -> { // the syntax identifier, where UNB keeps it
                for (int s = 0; s < edi.segments.size(); s++) {
                    if (edi.segments.get(s).startsWith("UNB")) {
                        edi.segments.set(s, edi.segments.get(s).replaceFirst("UNO[A-Z]:\\d", SYNTAX_IDS.get(random.nextInt(SYNTAX_IDS.size()))));
                    }
                }
            }
            case 14 -> { // cut inside a segment
                String s = edi.segments.get(i);
                edi.segments.set(i, s.substring(0, random.nextInt(s.length() + 1)));
                edi.segments.subList(i + 1, edi.segments.size()).clear();
                edi.terminateLast = random.nextBoolean();
            }
            default -> { // a segment of another interchange
                Interchange other = Interchange.read(latin1(donor));
                if (!other.segments.isEmpty()) {
                    edi.segments.add(i, other.segments.get(random.nextInt(other.segments.size())));
                }
            }
        }
        return edi.write().getBytes(StandardCharsets.ISO_8859_1);
    }

    private String hugeCount() {
        return switch (random.nextInt(5)) {
            case 0 -> "9".repeat(1 + random.nextInt(40));
            case 1 -> "2147483648";
            case 2 -> "-1";
            case 3 -> "0";
            default -> Long.toString(random.nextLong());
        };
    }

    private char delimiter() {
        return DELIMITER_CANDIDATES.charAt(random.nextInt(DELIMITER_CANDIDATES.length()));
    }

    /** Six service characters: component, element, decimal, release, reserved, segment. */
    private String randomDelimiters() {
        if (random.nextBoolean()) {
            char[] distinct = {'|', '^', ',', '!', ' ', '~'};
            return new String(distinct);
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < 6; n++) {
            sb.append(delimiter());
        }
        return sb.toString();
    }

    private String insertAt(String s, String what) {
        int at = random.nextInt(s.length() + 1);
        return s.substring(0, at) + what + s.substring(at);
    }

    private static String withChar(String una, int index, char c) {
        StringBuilder sb = new StringBuilder(una);
        while (sb.length() < 9) {
            sb.append(' ');
        }
        sb.setCharAt(index, c);
        return sb.toString();
    }

    /** The segment with one of its data elements (not the tag) replaced. */
    private String replaceElement(Interchange edi, String segment, String value) {
        List<Integer> starts = new ArrayList<>();
        for (int k = 0; k < segment.length(); k++) {
            if (segment.charAt(k) == edi.element || segment.charAt(k) == edi.component) {
                starts.add(k + 1);
            }
        }
        if (starts.isEmpty()) {
            return segment + edi.element + value;
        }
        int start = starts.get(random.nextInt(starts.size()));
        int end = start;
        while (end < segment.length() && segment.charAt(end) != edi.element && segment.charAt(end) != edi.component) {
            end++;
        }
        return segment.substring(0, start) + value + segment.substring(end);
    }

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** An interchange cut into its UNA and its segments (without terminators), enough to mutate it. */
    static final class Interchange {
        String una;
        char component = ':';
        char element = '+';
        char release = '?';
        char segment = '\'';
        boolean terminateLast = true;
        final List<String> segments = new ArrayList<>();
        private String separator = "\n";

        static Interchange read(String text) {
            Interchange edi = new Interchange();
            String rest = text;
            if (text.startsWith("UNA") && text.length() >= 9) {
                edi.una = text.substring(0, 9);
                edi.component = text.charAt(3);
                edi.element = text.charAt(4);
                edi.release = text.charAt(6);
                edi.segment = text.charAt(8);
                rest = text.substring(9);
            }
            StringBuilder current = new StringBuilder();
            for (int k = 0; k < rest.length(); k++) {
                char c = rest.charAt(k);
                if (c == edi.release && k + 1 < rest.length()) {
                    current.append(c).append(rest.charAt(++k));
                } else if (c == edi.segment) {
                    edi.segments.add(current.toString().strip());
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            if (!current.toString().isBlank()) {
                edi.segments.add(current.toString().strip());
                edi.terminateLast = false;
            }
            edi.separator = rest.contains("\r\n") ? "\r\n" : rest.contains("\n") ? "\n" : "";
            return edi;
        }

        /** Rewrites every segment under new delimiters (component, element, decimal, release, reserved, segment). */
        void redelimit(String six) {
            char[] from = {component, element, release, segment};
            char[] to = {six.charAt(0), six.charAt(1), six.charAt(3), six.charAt(5)};
            segments.replaceAll(s -> {
                StringBuilder sb = new StringBuilder(s.length());
                for (char c : s.toCharArray()) {
                    int which = indexOf(from, c);
                    sb.append(which < 0 ? c : to[which]);
                }
                return sb.toString();
            });
            component = to[0];
            element = to[1];
            release = to[2];
            segment = to[3];
            una = "UNA" + six;
        }

        private static int indexOf(char[] chars, char c) {
            for (int k = 0; k < chars.length; k++) {
                if (chars[k] == c) {
                    return k;
                }
            }
            return -1;
        }

        String write() {
            StringBuilder sb = new StringBuilder(una == null ? "" : una + separator);
            for (int k = 0; k < segments.size(); k++) {
                sb.append(segments.get(k));
                if (k < segments.size() - 1 || terminateLast) {
                    sb.append(segment).append(separator);
                }
            }
            return sb.toString();
        }
    }
}
