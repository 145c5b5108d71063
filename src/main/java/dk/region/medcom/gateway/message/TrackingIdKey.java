package dk.region.medcom.gateway.message;

/**
 * The secret key of the keyed tracking ids ({@link TrackingId#keyed}): {@code gateway.ingest.tracking-id-key}
 * (base64 of 32 bytes), else a key file made beside the journal on first start, like the journal's other keys.
 */
public record TrackingIdKey(byte[] bytes) {
}
