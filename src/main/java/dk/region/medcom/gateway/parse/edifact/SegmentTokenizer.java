package dk.region.medcom.gateway.parse.edifact;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns bytes into segments with StAEDI. StAEDI's own control-structure validation is off: it is
 * slow and flags MedCom's codes, so {@link EnvelopeCheck} does the envelope rules instead.
 * Bytes are decoded as ISO-8859-1, which covers UNOA, UNOB and UNOC; {@link ByteScan} has
 * already checked the declared repertoire.
 */
final class SegmentTokenizer {

    /** Longest data element MedCom's directories define (an..512); longer means a broken or hostile file. */
    static final int MAX_COMPONENT_LENGTH = 512;

    private final EDIInputFactory factory;

    SegmentTokenizer() {
        factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, false);
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
    }

    /** The segments read, in order; when a segment cannot be read, the ones before it and a finding. */
    List<Segment> tokenize(byte[] bytes, int start, long[] segmentStarts, List<Finding> findings) {
        List<Segment> segments = new ArrayList<>(segmentStarts.length);
        List<List<String>> elements = null;
        String tag = null;
        try (EDIStreamReader reader = factory.createEDIStreamReader(
                new UnsynchronizedByteStream(bytes, start), "ISO-8859-1")) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                if (event == EDIStreamEvent.START_SEGMENT) {
                    tag = reader.getText();
                    elements = "UNA".equals(tag) ? null : new ArrayList<>(8);
                } else if (event == EDIStreamEvent.END_SEGMENT && elements != null) {
                    int number = segments.size() + 1;
                    if (!isTag(tag)) {
                        findings.add(EdifactRule.SYNTAX.at(Location.segment(number, null, offsetOf(number, segmentStarts))));
                        return segments;
                    }
                    segments.add(new Segment(number, tag, offsetOf(number, segmentStarts), elements));
                    elements = null;
                } else if (event == EDIStreamEvent.ELEMENT_DATA && elements != null) {
                    addData(reader, elements, tag, segments.size() + 1, segmentStarts, findings);
                }
            }
        } catch (Exception e) {
            // StAEDI throws on what it cannot tokenise; its message may quote message bytes, so it is not passed on.
            int number = segments.size() + 1;
            if (number > segmentStarts.length) {
                return segments; // ended cleanly between segments: the envelope check names what is missing
            }
            boolean truncated = String.valueOf(e.getMessage()).contains("EDIE005");
            Location where = Location.segment(number, tag, offsetOf(number, segmentStarts));
            findings.add((truncated ? EdifactRule.TRUNCATED : EdifactRule.SYNTAX).at(where));
        }
        return segments;
    }

    /** Three upper-case letters or digits: what ISO 9735 allows as a segment tag. */
    private static boolean isTag(String tag) {
        if (tag == null || tag.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = tag.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static void addData(EDIStreamReader reader, List<List<String>> elements, String tag, int number,
                                long[] segmentStarts, List<Finding> findings) {
        io.xlate.edi.stream.Location location = reader.getLocation();
        int element = location.getElementPosition();
        int component = Math.max(1, location.getComponentPosition());
        while (elements.size() < element) {
            elements.add(new ArrayList<>(2));
        }
        List<String> components = elements.get(element - 1);
        while (components.size() < component - 1) {
            components.add("");
        }
        String text = reader.getText();
        if (text.length() > MAX_COMPONENT_LENGTH) {
            findings.add(EdifactRule.TOO_LONG.at(Location.segment(number, tag, offsetOf(number, segmentStarts)),
                    element, text.length(), MAX_COMPONENT_LENGTH));
            text = "";
        }
        components.add(text);
    }

    private static long offsetOf(int number, long[] segmentStarts) {
        return number >= 1 && number <= segmentStarts.length ? segmentStarts[number - 1] : -1;
    }

    /**
     * StAEDI reads one byte at a time, and wraps any stream without mark support in a
     * BufferedInputStream; both it and ByteArrayInputStream take a lock per byte. This one does not.
     */
    private static final class UnsynchronizedByteStream extends InputStream {
        private final byte[] bytes;
        private int position;
        private int mark;

        UnsynchronizedByteStream(byte[] bytes, int start) {
            this.bytes = bytes;
            this.position = start;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            int count = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, target, offset, count);
            position += count;
            return count;
        }

        @Override
        public boolean markSupported() {
            return true;
        }

        @Override
        public void mark(int readLimit) {
            mark = position;
        }

        @Override
        public void reset() {
            position = mark;
        }
    }
}
