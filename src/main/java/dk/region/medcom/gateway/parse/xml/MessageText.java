package dk.region.medcom.gateway.parse.xml;

import dk.region.medcom.gateway.message.Location;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns message bytes into characters exactly as the byte order mark and the XML declaration say,
 * and refuses bytes that lie about their encoding. The parser then reads characters, so it never
 * guesses (and never silently replaces a bad byte).
 */
final class MessageText {

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");

    /** MedCom XML is UTF-8, ISO-8859-1 or windows-1252; UTF-16 is accepted because XML requires it. */
    private static final Map<String, Charset> SUPPORTED = Map.of(
            "UTF-8", StandardCharsets.UTF_8,
            "UTF-16", StandardCharsets.UTF_16,
            "UTF-16BE", StandardCharsets.UTF_16BE,
            "UTF-16LE", StandardCharsets.UTF_16LE,
            "ISO-8859-1", StandardCharsets.ISO_8859_1,
            "LATIN1", StandardCharsets.ISO_8859_1,
            "US-ASCII", StandardCharsets.US_ASCII,
            "WINDOWS-1252", Charset.forName("windows-1252"),
            "CP1252", Charset.forName("windows-1252"));

    private MessageText() {
    }

    static String decode(byte[] xml) throws UnreadableXmlException {
        ByteSniff sniff = ByteSniff.of(xml);
        String declared = declaredEncoding(xml, sniff);
        Charset charset = sniff.charset();
        if (declared != null) {
            charset = SUPPORTED.get(declared.toUpperCase(Locale.ROOT));
            if (charset == null) {
                throw XmlReadError.ENCODING_UNSUPPORTED.exception(Location.xml(1, 1, null), declared);
            }
            if (isUtf16(charset) != sniff.utf16() || (sniff.bom() && !sameFamily(charset, sniff.charset()))) {
                throw XmlReadError.ENCODING_MISMATCH.exception(Location.xml(1, 1, null), declared, sniff.describe());
            }
            if (isUtf16(charset)) {
                charset = sniff.charset(); // the byte order comes from the bytes, not the label
            }
        }
        return strictlyDecode(xml, sniff.bomLength(), charset);
    }

    private static String declaredEncoding(byte[] xml, ByteSniff sniff) {
        int start = sniff.bomLength();
        int length = Math.min(xml.length - start, 400);
        String head = new String(xml, start, length, sniff.utf16() ? sniff.charset() : StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED_ENCODING.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static boolean isUtf16(Charset charset) {
        return charset.name().startsWith("UTF-16");
    }

    private static boolean sameFamily(Charset declared, Charset sniffed) {
        return isUtf16(declared) ? isUtf16(sniffed) : declared.equals(sniffed);
    }

    private static String strictlyDecode(byte[] xml, int offset, Charset charset) throws UnreadableXmlException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(xml, offset, xml.length - offset);
        CharBuffer out = CharBuffer.allocate((int) (in.remaining() * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            throw XmlReadError.ENCODING_INVALID.exception(Prolog.positionOf(out.flip(), out.limit()), charset.name(), bad);
        }
        return out.flip().toString();
    }
}
