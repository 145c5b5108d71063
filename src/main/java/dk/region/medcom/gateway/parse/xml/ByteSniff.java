package dk.region.medcom.gateway.parse.xml;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * What the first bytes of a message say about its encoding before any declaration is read:
 * a byte order mark, or the UTF-16 shape of {@code <?}, or else an 8-bit ASCII-compatible text.
 */
record ByteSniff(Charset charset, int bomLength, boolean utf16) {

    static ByteSniff of(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return new ByteSniff(StandardCharsets.UTF_8, 3, false);
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return new ByteSniff(StandardCharsets.UTF_16BE, 2, true);
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return new ByteSniff(StandardCharsets.UTF_16LE, 2, true);
        }
        if (startsWith(b, 0x00, 0x3C, 0x00, 0x3F)) {
            return new ByteSniff(StandardCharsets.UTF_16BE, 0, true);
        }
        if (startsWith(b, 0x3C, 0x00, 0x3F, 0x00)) {
            return new ByteSniff(StandardCharsets.UTF_16LE, 0, true);
        }
        return new ByteSniff(StandardCharsets.UTF_8, 0, false); // XML's default when nothing is declared
    }

    boolean bom() {
        return bomLength > 0;
    }

    String describe() {
        if (bom()) {
            return charset.name() + " (byte order mark)";
        }
        return utf16 ? charset.name() : "8-bit (ASCII-compatible)";
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
