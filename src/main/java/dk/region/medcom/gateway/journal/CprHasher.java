package dk.region.medcom.gateway.journal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash (HMAC-SHA256) the journal keeps instead of a CPR number. Without the key a hash
 * cannot be turned back into a number by trying all 10^10 of them, as a plain hash could.
 */
public final class CprHasher {

    private final SecretKeySpec key;
    private final String keyId;

    CprHasher(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.keyId = KeyId.of(key);
    }

    /** The key's {@link KeyId}, the same on every node sharing a journal. */
    public String keyId() {
        return keyId;
    }

    /** Empty when {@code cpr} is not ten digits (an optional hyphen after the sixth is allowed). */
    public Optional<String> hash(String cpr) {
        String digits = cpr == null ? "" : cpr.trim().replace("-", "");
        if (!digits.matches("\\d{10}")) {
            return Optional.empty();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Optional.of(HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute the CPR hash", e);
        }
    }
}
