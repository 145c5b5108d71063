package dk.region.medcom.gateway.journal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The encrypted bodies of the journal's messages, one row per message and kind. */
final class BodyStore {

    private final JdbcClient jdbc;
    private final BodyCipher cipher;

    BodyStore(JdbcClient jdbc, BodyCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** One form of a message, encrypted for its row: made where the body is known, stored later. */
    record SealedBody(String trackingId, BodyKind kind, BodyCipher.Sealed sealed, Instant at) {
    }

    SealedBody seal(String trackingId, BodyKind kind, byte[] plain, Instant at) {
        return new SealedBody(trackingId, kind, cipher.seal(plain, context(trackingId, kind)), at);
    }

    /** Stores (or replaces, when the broker redelivers a message) one form of a message. */
    void put(SealedBody body) {
        jdbc.sql("delete from message_body where tracking_id = :id and kind = :kind")
                .param("id", body.trackingId()).param("kind", body.kind().name()).update();
        add(body);
    }

    /** Stores one form of a message that has none of this kind yet (its row was just made). */
    void add(SealedBody body) {
        jdbc.sql("""
                insert into message_body (tracking_id, kind, key_id, iv, ciphertext, stored_at)
                values (:id, :kind, :keyId, :iv, :ciphertext, :at)""")
                .param("id", body.trackingId()).param("kind", body.kind().name()).param("keyId", body.sealed().keyId())
                .param("iv", body.sealed().iv()).param("ciphertext", body.sealed().ciphertext())
                .param("at", Timestamp.from(body.at()))
                .update();
    }

    Optional<byte[]> get(String trackingId, BodyKind kind) {
        return jdbc.sql("select key_id, iv, ciphertext from message_body where tracking_id = :id and kind = :kind")
                .param("id", trackingId).param("kind", kind.name())
                .query((rs, n) -> new BodyCipher.Sealed(rs.getString("key_id"), rs.getBytes("iv"), rs.getBytes("ciphertext")))
                .optional()
                .map(sealed -> cipher.open(sealed, context(trackingId, kind)));
    }

    Map<BodyKind, byte[]> all(String trackingId) {
        Map<BodyKind, byte[]> bodies = new EnumMap<>(BodyKind.class);
        for (BodyKind kind : BodyKind.values()) {
            get(trackingId, kind).ifPresent(b -> bodies.put(kind, b));
        }
        return bodies;
    }

    static String context(String trackingId, BodyKind kind) {
        return trackingId + "/" + kind.name();
    }
}
