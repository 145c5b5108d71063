package dk.region.medcom.gateway.parse.edifact;

/** Tells EDIFACT from XML (and anything else) by the first bytes, before any parsing. */
public final class EdifactSniffer {

    private EdifactSniffer() {
    }

    /** True when {@code head}, after an optional UTF-8 BOM and whitespace, starts with {@code UNA} or {@code UNB}. */
    public static boolean looksLikeEdifact(byte[] head) {
        if (head == null) {
            return false;
        }
        int start = firstSignificantByte(head);
        if (head.length - start < 3 || head[start] != 'U' || head[start + 1] != 'N') {
            return false;
        }
        byte third = head[start + 2];
        return third == 'A' || third == 'B';
    }

    /** Index of the first byte after a UTF-8 byte order mark and ASCII whitespace. */
    static int firstSignificantByte(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i;
    }
}
