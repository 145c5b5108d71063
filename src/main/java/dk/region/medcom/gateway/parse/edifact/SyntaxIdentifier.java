package dk.region.medcom.gateway.parse.edifact;

/**
 * The character repertoires UNB may declare. Each says which bytes it allows; all of them decode
 * as ISO-8859-1, of which UNOA and UNOB are 7-bit subsets.
 */
enum SyntaxIdentifier {
    UNOA, UNOB, UNOC;

    static SyntaxIdentifier of(String code) {
        for (SyntaxIdentifier id : values()) {
            if (id.name().equals(code)) {
                return id;
            }
        }
        return null;
    }

    /** Printable bytes of the repertoire, plus CR, LF and TAB, which may separate segments. */
    boolean allows(int unsignedByte) {
        if (unsignedByte < 0x20) {
            return unsignedByte == '\r' || unsignedByte == '\n' || unsignedByte == '\t';
        }
        if (this == UNOC) {
            // ISO-8859-1 leaves 0x7F-0x9F to control characters; UTF-8 continuation bytes often land here.
            return unsignedByte < 0x7F || unsignedByte >= 0xA0;
        }
        return unsignedByte < 0x7F;
    }
}
