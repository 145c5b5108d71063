package dk.region.medcom.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dk.region.medcom.gateway.journal.BodyKind;
import dk.region.medcom.gateway.journal.JournalEntry;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/** A journal entry as the API shows it; {@code bodies} only for operators. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MessageView(@JsonUnwrapped JournalEntry entry, Map<BodyKind, Body> bodies) {

    static MessageView of(JournalEntry entry) {
        return new MessageView(entry, null);
    }

    static MessageView withBodies(JournalEntry entry, Map<BodyKind, byte[]> bodies) {
        Map<BodyKind, Body> shown = new EnumMap<>(BodyKind.class);
        bodies.forEach((kind, bytes) -> shown.put(kind, bytes.length <= INLINE_LIMIT ? Body.of(bytes)
                : Body.linked(bytes.length, "/api/messages/" + entry.trackingId() + "/bodies/" + kind)));
        return new MessageView(entry, shown);
    }

    /**
     * Larger bodies are not shown inline: as text and base64 a body takes some five times its size
     * in memory, and a few 10 MB letters viewed at once ran a 256 MB heap out (BackPressureIT).
     */
    static final int INLINE_LIMIT = 256 * 1024;

    /**
     * One form of the message: the exact bytes (base64) and, for reading, the text decoded as UTF-8
     * when it is valid UTF-8, else as ISO-8859-1 (EDIFACT UNOC, Latin-1 XML); for a body over the
     * inline limit only its size and where to fetch it ({@code href}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(int sizeBytes, String charset, String text, String base64, String href) {

        static Body linked(int sizeBytes, String href) {
            return new Body(sizeBytes, null, null, null, href);
        }

        static Body of(byte[] bytes) {
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
                return new Body(bytes.length, "UTF-8", text, Base64.getEncoder().encodeToString(bytes), null);
            } catch (CharacterCodingException e) {
                return new Body(bytes.length, "ISO-8859-1", new String(bytes, StandardCharsets.ISO_8859_1),
                        Base64.getEncoder().encodeToString(bytes), null);
            }
        }
    }
}
