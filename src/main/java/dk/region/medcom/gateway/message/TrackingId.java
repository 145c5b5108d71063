package dk.region.medcom.gateway.message;

import java.util.UUID;

/** The gateway's own id for a message, given at ingest; safe to log and to use in file names. */
public record TrackingId(String value) {

    public TrackingId {
        if (value == null || !value.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a tracking id");
        }
    }

    public static TrackingId newId() {
        return new TrackingId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
