package dk.region.medcom.gateway.parse.edifact;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * One EDIFACT segment as read: its tag, its number in the interchange (UNB = 1), the byte offset
 * of its tag, and its data elements, each a list of components with release characters removed.
 *
 * <p>A segment remembers which positions (element, component) were read, so that a mapping can
 * tell, once it is done, which data it never looked at ({@link #unreadPositions()}): nothing may
 * be dropped silently. Reading a value marks it; a segment belongs to one translation at a time.
 */
public final class Segment {

    private final int number;
    private final String tag;
    private final long byteOffset;
    private final List<List<String>> elements;
    private final BitSet[] read;

    public Segment(int number, String tag, long byteOffset, List<List<String>> elements) {
        this.number = number;
        this.tag = tag;
        this.byteOffset = byteOffset;
        this.elements = elements;
        this.read = new BitSet[elements.size()];
    }

    public int number() {
        return number;
    }

    public String tag() {
        return tag;
    }

    public long byteOffset() {
        return byteOffset;
    }

    public List<List<String>> elements() {
        return elements;
    }

    /** Component {@code component} (1-based) of element {@code element} (1-based), or "" when absent; marks it read. */
    public String value(int element, int component) {
        if (element < 1 || element > elements.size()) {
            return "";
        }
        List<String> components = elements.get(element - 1);
        if (component < 1 || component > components.size()) {
            return "";
        }
        markRead(element, component);
        return components.get(component - 1);
    }

    /** The first component of element {@code element}, or "". */
    public String value(int element) {
        return value(element, 1);
    }

    /** All components of element {@code element} (1-based); empty when absent. Marks them all read. */
    public List<String> components(int element) {
        if (element < 1 || element > elements.size()) {
            return List.of();
        }
        List<String> components = elements.get(element - 1);
        for (int component = 1; component <= components.size(); component++) {
            markRead(element, component);
        }
        return components;
    }

    /**
     * For a position whose value the mapping writes itself (BGM's {@code 9}, ADR's {@code US}):
     * true, and the position marked read, when it holds {@code constant} or nothing. Any other
     * value stays unread, so it is reported rather than replaced.
     */
    public boolean hasConstant(int element, int component, String constant) {
        String value = value(element, component);
        if (value.isEmpty() || value.equals(constant)) {
            return true;
        }
        read[element - 1].clear(component - 1);
        return false;
    }

    /** Positions {element, component} (1-based) that hold data and were never read, in order. */
    public List<int[]> unreadPositions() {
        List<int[]> unread = new ArrayList<>();
        for (int element = 1; element <= elements.size(); element++) {
            List<String> components = elements.get(element - 1);
            for (int component = 1; component <= components.size(); component++) {
                boolean wasRead = read[element - 1] != null && read[element - 1].get(component - 1);
                if (!components.get(component - 1).isEmpty() && !wasRead) {
                    unread.add(new int[] {element, component});
                }
            }
        }
        return unread;
    }

    public int elementCount() {
        return elements.size();
    }

    public boolean is(String otherTag) {
        return tag.equals(otherTag);
    }

    /** Tag plus first element, e.g. {@code FTX+NC}: how MedCom qualifies segments. */
    public boolean is(String otherTag, String qualifier) {
        return tag.equals(otherTag) && value(1).equals(qualifier);
    }

    private void markRead(int element, int component) {
        if (read[element - 1] == null) {
            read[element - 1] = new BitSet();
        }
        read[element - 1].set(component - 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Segment segment && number == segment.number && byteOffset == segment.byteOffset
                && tag.equals(segment.tag) && elements.equals(segment.elements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, tag, byteOffset, elements);
    }

    /** Number and tag only: the data may hold a CPR number. */
    @Override
    public String toString() {
        return "Segment[" + number + " " + tag + "]";
    }
}
