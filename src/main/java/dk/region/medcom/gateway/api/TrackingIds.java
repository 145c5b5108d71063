package dk.region.medcom.gateway.api;

import dk.region.medcom.gateway.message.TrackingId;
import java.util.Optional;

/** A tracking id from a URL; anything else is simply not found. */
final class TrackingIds {

    private TrackingIds() {
    }

    static Optional<TrackingId> parse(String value) {
        try {
            return Optional.of(new TrackingId(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
