package dk.region.medcom.gateway.journal;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Re-seals the journal's bodies with the current body key, so that a previous key can be retired;
 * and counts the bodies per key id, to see which keys are still in use. Works through the bodies
 * in primary-key order, a batch at a time, each body replaced on its own (only if it is still the
 * one read: a body rewritten meanwhile is left alone), so it runs beside the gateway and can be
 * stopped and run again at any time. Says which key ids failed, never anything of a body.
 */
public final class BodyReseal {

    /** How {@link #countsByKeyId} names bodies sealed before key ids. */
    public static final String NO_KEY_ID = "(none)";

    private final JdbcClient jdbc;
    private final BodyCipher cipher;

    public BodyReseal(JdbcClient jdbc, BodyCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Where the next batch starts: after this body (start: {@link #START}). */
    public record Position(String trackingId, String kind) {
    }

    public static final Position START = new Position("", "");

    /**
     * @param resealed  bodies now sealed with the current key
     * @param failed    bodies that could not be opened (counted per key id), left as they were
     * @param next      where the next batch starts; null when this one was the last
     */
    public record Batch(int resealed, Map<String, Integer> failed, Position next) {
    }

    /** Journal bodies per key id, {@link #NO_KEY_ID} for those sealed before key ids. */
    public Map<String, Long> countsByKeyId() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select key_id, count(*) as bodies from message_body group by key_id")
                .query(rs -> {
                    String id = rs.getString("key_id");
                    counts.put(id == null ? NO_KEY_ID : id, rs.getLong("bodies"));
                });
        return counts;
    }

    /** Re-seals up to {@code size} bodies after {@code after} that the current key did not seal. */
    public Batch resealBatch(Position after, int size) {
        record Row(String trackingId, String kind, BodyCipher.Sealed sealed) {
        }
        var rows = jdbc.sql("""
                select tracking_id, kind, key_id, iv, ciphertext from message_body
                where (key_id is null or key_id <> :current)
                  and (tracking_id > :id or (tracking_id = :id and kind > :kind))
                order by tracking_id, kind limit :size""")
                .param("current", cipher.currentKeyId()).param("id", after.trackingId()).param("kind", after.kind())
                .param("size", size)
                .query((rs, n) -> new Row(rs.getString("tracking_id"), rs.getString("kind"),
                        new BodyCipher.Sealed(rs.getString("key_id"), rs.getBytes("iv"), rs.getBytes("ciphertext"))))
                .list();
        int resealed = 0;
        Map<String, Integer> failed = new TreeMap<>();
        for (Row row : rows) {
            String context = row.trackingId() + "/" + row.kind();
            byte[] plain;
            try {
                plain = cipher.open(row.sealed(), context);
            } catch (IllegalStateException e) {
                failed.merge(row.sealed().keyId() == null ? NO_KEY_ID : row.sealed().keyId(), 1, Integer::sum);
                continue;
            }
            BodyCipher.Sealed fresh = cipher.seal(plain, context);
            resealed += jdbc.sql("""
                    update message_body set key_id = :keyId, iv = :iv, ciphertext = :ciphertext
                    where tracking_id = :id and kind = :kind and iv = :oldIv""")
                    .param("keyId", fresh.keyId()).param("iv", fresh.iv()).param("ciphertext", fresh.ciphertext())
                    .param("id", row.trackingId()).param("kind", row.kind()).param("oldIv", row.sealed().iv())
                    .update();
        }
        Position next = rows.size() < size ? null
                : new Position(rows.get(rows.size() - 1).trackingId(), rows.get(rows.size() - 1).kind());
        return new Batch(resealed, failed, next);
    }
}
