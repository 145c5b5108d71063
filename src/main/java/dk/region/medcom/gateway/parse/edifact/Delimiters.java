package dk.region.medcom.gateway.parse.edifact;

/** The service characters of an interchange: from UNA when present, else the ISO 9735 defaults. */
record Delimiters(byte component, byte element, byte decimal, byte release, byte terminator) {

    static final Delimiters DEFAULT = new Delimiters((byte) ':', (byte) '+', (byte) '.', (byte) '?', (byte) '\'');

    /** Length of {@code UNA:+.? '}. */
    static final int UNA_LENGTH = 9;

    static boolean hasUna(byte[] bytes, int start) {
        return bytes.length - start >= 3 && bytes[start] == 'U' && bytes[start + 1] == 'N' && bytes[start + 2] == 'A';
    }

    /** The delimiters UNA declares at {@code start}, or null when UNA is cut short or repeats a character. */
    static Delimiters fromUna(byte[] bytes, int start) {
        if (bytes.length - start < UNA_LENGTH) {
            return null;
        }
        Delimiters d = new Delimiters(bytes[start + 3], bytes[start + 4], bytes[start + 5], bytes[start + 6], bytes[start + 8]);
        byte[] distinct = {d.component, d.element, d.release, d.terminator};
        for (int i = 0; i < distinct.length; i++) {
            for (int j = i + 1; j < distinct.length; j++) {
                if (distinct[i] == distinct[j]) {
                    return null;
                }
            }
        }
        return d;
    }

    boolean needsRelease(byte b) {
        return b == component || b == element || b == release || b == terminator;
    }
}
