package dk.region.medcom.gateway.message;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's own id for a message, given at ingest; safe to log and to use in file names.
 *
 * <p>New ids are time-ordered (the UUID version 7 layout of RFC 9562: 48 bits of Unix
 * milliseconds, then random bits), so the journal's indexes keyed by tracking id grow at one end
 * instead of touching a random page of each B-tree for every message.
 */
public record TrackingId(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public TrackingId {
        if (value == null || !value.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a tracking id");
        }
    }

    /** The id a caller typed or sent, or empty when it is not one (never an exception for bad input). */
    public static Optional<TrackingId> parse(String value) {
        return value != null && value.matches("[0-9a-f-]{36}") ? Optional.of(new TrackingId(value)) : Optional.empty();
    }

    public static TrackingId newId() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return timeOrdered(System.currentTimeMillis(), UUID.nameUUIDFromBytes(random));
    }

    /**
     * The same id for the same {@code millis} and {@code identity} bytes under the same secret
     * {@code key}: a message taken in again (a file picked up a second time after a crash) gets the
     * id it had the first time, yet whoever knows the bytes but not the key cannot work it out
     * (HMAC-SHA256, of which the id keeps 74 bits).
     */
    public static TrackingId keyed(long millis, byte[] key, byte[] identity) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            ByteBuffer bits = ByteBuffer.wrap(mac.doFinal(identity));
            long msb = bits.getLong();
            long lsb = (bits.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // the RFC 9562 variant
            return timeOrdered(millis, new UUID(msb, lsb));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The time in front, then version 7, then 74 bits of {@code bits} (the variant bits kept). */
    private static TrackingId timeOrdered(long millis, UUID bits) {
        long msb = (millis << 16) | 0x7000L | (bits.getMostSignificantBits() & 0x0FFFL);
        return new TrackingId(new UUID(msb, bits.getLeastSignificantBits()).toString());
    }

    /** The last 12 hex digits: the id's random (or hashed) part, for identifiers derived from it. */
    public String tail() {
        return value.substring(value.length() - 12);
    }

    @Override
    public String toString() {
        return value;
    }
}
