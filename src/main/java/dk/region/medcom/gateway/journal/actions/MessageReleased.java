package dk.region.medcom.gateway.journal.actions;

import dk.region.medcom.gateway.message.TrackingId;

/** An operator released a quarantined message into the pipeline again (published by {@link MessageActions}). */
public record MessageReleased(TrackingId trackingId) {
}
