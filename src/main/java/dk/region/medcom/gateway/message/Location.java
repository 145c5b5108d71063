package dk.region.medcom.gateway.message;

/**
 * Where in a message a finding points. EDIFACT findings fill segment number, tag and byte offset;
 * XML findings fill line, column and XPath. Unknown parts are null.
 */
public record Location(Integer segmentNumber, String segmentTag, Long byteOffset,
                       Integer line, Integer column, String xpath) {

    /** An XPath is built from the message's element names, which may be of any length. */
    static final int MAX_XPATH_CHARS = 300;

    public Location {
        if (xpath != null && xpath.length() > MAX_XPATH_CHARS) {
            xpath = xpath.substring(0, MAX_XPATH_CHARS) + "…";
        }
        xpath = Excerpt.maskCpr(xpath);
    }

    public static final Location NONE = new Location(null, null, null, null, null, null);

    public static Location segment(int segmentNumber, String segmentTag, long byteOffset) {
        return new Location(segmentNumber, segmentTag, byteOffset, null, null, null);
    }

    public static Location xml(Integer line, Integer column, String xpath) {
        return new Location(null, null, null, line, column, xpath);
    }

    /** A short human-readable place, e.g. {@code segment 30 UNT (byte 812)} or {@code line 3, column 14, /Emessage/Envelope}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (segmentNumber != null) {
            sb.append("segment ").append(segmentNumber);
            if (segmentTag != null) {
                sb.append(' ').append(segmentTag);
            }
            if (byteOffset != null) {
                sb.append(" (byte ").append(byteOffset).append(')');
            }
        }
        if (line != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append("line ").append(line);
            if (column != null) {
                sb.append(", column ").append(column);
            }
        }
        if (xpath != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append(xpath);
        }
        return sb.toString();
    }
}
