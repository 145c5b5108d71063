package dk.region.medcom.gateway.message;

import java.security.SecureRandom;
import java.util.UUID;

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

    public static TrackingId newId() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return timeOrdered(System.currentTimeMillis(), UUID.nameUUIDFromBytes(random));
    }

    /**
     * The same id for the same {@code millis} and {@code identity} bytes: a message taken in again
     * (a file picked up a second time after a crash) gets the id it had the first time.
     */
    public static TrackingId of(long millis, byte[] identity) {
        return timeOrdered(millis, UUID.nameUUIDFromBytes(identity));
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
