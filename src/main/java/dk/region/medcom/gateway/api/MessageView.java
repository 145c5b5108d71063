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
        bodies.forEach((kind, bytes) -> shown.put(kind, Body.of(bytes)));
        return new MessageView(entry, shown);
    }

    /**
     * One form of the message: the exact bytes (base64) and, for reading, the text decoded as UTF-8
     * when it is valid UTF-8, else as ISO-8859-1 (EDIFACT UNOC, Latin-1 XML).
     */
    record Body(int sizeBytes, String charset, String text, String base64) {

        static Body of(byte[] bytes) {
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
                return new Body(bytes.length, "UTF-8", text, Base64.getEncoder().encodeToString(bytes));
            } catch (CharacterCodingException e) {
                return new Body(bytes.length, "ISO-8859-1", new String(bytes, StandardCharsets.ISO_8859_1),
                        Base64.getEncoder().encodeToString(bytes));
            }
        }
    }
}
