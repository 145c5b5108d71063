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

    /** Stores (or replaces, when the broker redelivers a message) one form of a message. */
    void put(String trackingId, BodyKind kind, byte[] plain, Instant at) {
        jdbc.sql("delete from message_body where tracking_id = :id and kind = :kind")
                .param("id", trackingId).param("kind", kind.name()).update();
        add(trackingId, kind, plain, at);
    }

    /** Stores one form of a message that has none of this kind yet (its row was just made). */
    void add(String trackingId, BodyKind kind, byte[] plain, Instant at) {
        BodyCipher.Sealed sealed = cipher.seal(plain, context(trackingId, kind));
        jdbc.sql("""
                insert into message_body (tracking_id, kind, iv, ciphertext, stored_at)
                values (:id, :kind, :iv, :ciphertext, :at)""")
                .param("id", trackingId).param("kind", kind.name())
                .param("iv", sealed.iv()).param("ciphertext", sealed.ciphertext())
                .param("at", Timestamp.from(at))
                .update();
    }

    Optional<byte[]> get(String trackingId, BodyKind kind) {
        return jdbc.sql("select iv, ciphertext from message_body where tracking_id = :id and kind = :kind")
                .param("id", trackingId).param("kind", kind.name())
                .query((rs, n) -> new BodyCipher.Sealed(rs.getBytes("iv"), rs.getBytes("ciphertext")))
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

    private static String context(String trackingId, BodyKind kind) {
        return trackingId + "/" + kind.name();
    }
}
