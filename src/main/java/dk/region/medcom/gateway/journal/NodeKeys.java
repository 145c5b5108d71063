package dk.region.medcom.gateway.journal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the nodes sharing one journal on the same keys. The journal records the {@link KeyId}s
 * (never the keys): the CPR-hash and tracking-id keys' as the first node to start has them, and
 * every body key a node has sealed with. A node refuses to start when its CPR-hash or tracking-id
 * key differs (a CPR search would miss the other nodes' messages; a file taken again would get
 * another tracking id), or when it lacks a body key that has sealed something. Rotating the body
 * key one node at a time passes: a node started with the new key and the old one as a previous key
 * can open both; the old id stays recorded until retired ({@link #retireBodyKey}).
 */
public final class NodeKeys {

    static final String CPR_HASH = "cpr-hash";
    static final String TRACKING_ID = "tracking-id";

    private final JdbcClient jdbc;

    public NodeKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Checks this node's keys against the recorded ones, then records what is new; throws when this node must not start. */
    public void checkAndRecord(BodyCipher body, String cprHashKeyId, String trackingIdKeyId) {
        List<String> refusals = new ArrayList<>();
        same(CPR_HASH, cprHashKeyId, "CPR-hash key", "gateway.journal.cpr-hash-key", "cpr-hash.key",
                "a CPR search on this node would miss the other nodes' messages").ifPresent(refusals::add);
        same(TRACKING_ID, trackingIdKeyId, "tracking-id key", "gateway.ingest.tracking-id-key", "tracking-id.key",
                "a file taken again would get another tracking id").ifPresent(refusals::add);
        List<String> missing = bodyKeyIds().stream().filter(id -> !body.keyIds().contains(id)).toList();
        if (!missing.isEmpty()) {
            refusals.add("this node cannot open bodies sealed with body key id " + String.join(", ", missing)
                    + ", which the nodes sharing this journal have sealed with (this node has " + body.keyIds()
                    + "). Give it the same key as the first node: gateway.journal.encryption-key (or"
                    + " <data-dir>/journal/body-encryption.key), during a rotation the old one in"
                    + " gateway.journal.previous-encryption-keys; a key no longer in use is retired with"
                    + " 'medcom-gateway keys retire <key id>' (docs/operations.md: Rotate the body-encryption key)");
        }
        if (!refusals.isEmpty()) {
            throw new IllegalStateException("this node's keys differ from those of the journal it shares: "
                    + String.join("; ", refusals));
        }
        if (!bodyKeyIds().contains(body.currentKeyId())) {
            insertIgnoringDuplicate("insert into journal_body_key (key_id, recorded_at) values (:id, :at)", null,
                    body.currentKeyId());
        }
    }

    /** Empty when the recorded key of {@code purpose} is {@code keyId} (recorded now if none was); else why not. */
    private Optional<String> same(String purpose, String keyId, String name, String property, String file, String harm) {
        Optional<String> recorded = recorded(purpose);
        if (recorded.isEmpty()) {
            insertIgnoringDuplicate("insert into journal_key (purpose, key_id, recorded_at) values (:purpose, :id, :at)",
                    purpose, keyId);
            recorded = recorded(purpose);
        }
        if (recorded.orElseThrow().equals(keyId)) {
            return Optional.empty();
        }
        return Optional.of("this node's " + name + " (key id " + keyId + ") differs from the one the journal recorded"
                + " (key id " + recorded.get() + "): " + harm + ". Copy " + property + " (or <data-dir>/journal/"
                + file + ") from the first node");
    }

    private Optional<String> recorded(String purpose) {
        return jdbc.sql("select key_id from journal_key where purpose = :purpose").param("purpose", purpose)
                .query(String.class).optional();
    }

    /** Two nodes starting at once: one insert wins, the other reads what it recorded. */
    private void insertIgnoringDuplicate(String sql, String purpose, String keyId) {
        try {
            JdbcClient.StatementSpec statement = jdbc.sql(sql).param("id", keyId).param("at", Timestamp.from(Instant.now()));
            (purpose == null ? statement : statement.param("purpose", purpose)).update();
        } catch (DuplicateKeyException e) {
            // recorded by the other node
        }
    }

    /** The ids of the body keys recorded as having sealed something, oldest first. */
    public List<String> bodyKeyIds() {
        return jdbc.sql("select key_id from journal_body_key order by recorded_at, key_id").query(String.class).list();
    }

    /** The recorded id of the CPR-hash key, and of the tracking-id key; empty before the first start. */
    public Optional<String> cprHashKeyId() {
        return recorded(CPR_HASH);
    }

    public Optional<String> trackingIdKeyId() {
        return recorded(TRACKING_ID);
    }

    /**
     * Forgets a body key, so that nodes may start without it. Refused while the journal still has a
     * body sealed with it, or one sealed before key ids (which it may have sealed).
     *
     * @return why not, or empty when it was retired
     */
    public Optional<String> retireBodyKey(String keyId, String currentKeyId) {
        if (keyId.equals(currentKeyId)) {
            return Optional.of("key id " + keyId + " is this node's current body key");
        }
        long sealed = jdbc.sql("select count(*) from message_body where key_id = :id or key_id is null")
                .param("id", keyId).query(Long.class).single();
        if (sealed > 0) {
            return Optional.of(sealed + " journal bodies are sealed with key id " + keyId
                    + " or before key ids: run 'medcom-gateway keys reseal' first");
        }
        int deleted = jdbc.sql("delete from journal_body_key where key_id = :id").param("id", keyId).update();
        return deleted == 0 ? Optional.of("key id " + keyId + " is not recorded") : Optional.empty();
    }
}
