package dk.region.medcom.gateway.journal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The short name of a key: the first 4 bytes (8 hex digits) of HMAC-SHA256(key, "medcom-gateway
 * key id"). It tells keys apart (what sealed a body, whether two nodes hold the same key) and may be
 * logged and stored: it is neither the key nor a plain hash of it, so it gives nothing away.
 */
public final class KeyId {

    /** Bytes of an id where it is stored in binary (in front of a sealed broker body or file). */
    static final int BYTES = 4;
    private static final byte[] LABEL = "medcom-gateway key id".getBytes(StandardCharsets.US_ASCII);

    private KeyId() {
    }

    /** The id of {@code key}, 8 lowercase hex digits. */
    public static String of(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(LABEL), 0, BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive a key id", e);
        }
    }

    static byte[] toBytes(String id) {
        return HexFormat.of().parseHex(id);
    }

    static String fromBytes(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
